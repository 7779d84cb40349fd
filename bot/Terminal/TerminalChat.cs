using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Terminal;

/// <summary>
/// An interactive chat in the terminal through the same conversation engine as Telegram and Teams. <c>/image PATH</c>
/// sends the file at PATH as an attachment (as a photo in Telegram would be), e.g. at the image step of <c>/broadcast</c>.
/// </summary>
public sealed class TerminalChat(IConversationEngine engine, TerminalConsole console, TextReader input, TextWriter output)
{
    private const string ImageCommand = "/image ";

    public async Task RunAsync(string language, CancellationToken cancellationToken)
    {
        output.WriteLine("LoyaltyBot terminal chat. Type /start, a join code, /balance, /help; a number presses a button; /image PATH sends a file; /quit leaves.");
        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            output.Flush();
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            IncomingAttachment? attachment = null;
            if (line.Trim().StartsWith(ImageCommand, StringComparison.OrdinalIgnoreCase))
            {
                var path = line.Trim()[ImageCommand.Length..].Trim().Trim('"', '\'');
                if (!File.Exists(path))
                {
                    output.WriteLine($"  (no such file: {path})");
                    continue;
                }

                attachment = FileAttachment(path);
            }

            var choice = attachment is null ? console.Choice(line.Trim()) : null;
            if (choice?.Url is not null)
            {
                output.WriteLine($"  (link: {choice.Url})");
                continue;
            }

            var message = new IncomingMessage
            {
                Channel = TerminalChannelSender.Name,
                ChannelUserId = console.UserId,
                ChatId = console.UserId,
                IsPrivate = true,
                Text = choice is null && attachment is null ? line : null,
                ButtonPayload = choice?.Payload,
                ContactPhone = choice is null && line.Trim().StartsWith('+') ? line.Trim() : null,
                Attachment = attachment,
                LanguageHint = language,
                DisplayName = console.UserId,
            };
            var turn = await engine.HandleAsync(message, cancellationToken);
            if (turn.ButtonNotice is { } notice)
            {
                output.WriteLine($"  ({notice})");
            }

            foreach (var reply in turn.Replies)
            {
                console.Show(reply);
            }
        }
    }

    /// <summary>The file as an attachment, read when a handler asks for it.</summary>
    internal static IncomingAttachment FileAttachment(string path) => new()
    {
        FileName = Path.GetFileName(path),
        Size = new FileInfo(path).Length,
        Download = async (maxBytes, cancellationToken) =>
            new FileInfo(path).Length > maxBytes ? null : await File.ReadAllBytesAsync(path, cancellationToken),
    };
}
