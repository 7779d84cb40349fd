using LoyaltyBot.Bot.Conversations;

namespace LoyaltyBot.Bot.Terminal;

/// <summary>An interactive chat in the terminal through the same conversation engine as Telegram and Teams.</summary>
public sealed class TerminalChat(IConversationEngine engine, TerminalConsole console, TextReader input, TextWriter output)
{
    public async Task RunAsync(string language, CancellationToken cancellationToken)
    {
        output.WriteLine("LoyaltyBot terminal chat. Type /start, a join code, /balance, /help; a number presses a button; /quit leaves.");
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

            var choice = console.Choice(line.Trim());
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
                Text = choice is null ? line : null,
                ButtonPayload = choice?.Payload,
                ContactPhone = choice is null && line.Trim().StartsWith('+') ? line.Trim() : null,
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
}
