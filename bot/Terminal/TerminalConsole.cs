using LoyaltyBot.Core.Chat;

namespace LoyaltyBot.Bot.Terminal;

/// <summary>Prints channel-neutral messages as plain text; buttons become numbered choices.</summary>
public sealed class TerminalConsole(TextWriter output, string userId)
{
    private readonly object _gate = new();
    private List<ChatButton> _choices = [];

    public string UserId => userId;

    /// <summary>The button the user picked by typing its number, if the input is such a number.</summary>
    public ChatButton? Choice(string input)
    {
        lock (_gate)
        {
            return int.TryParse(input, out var n) && n >= 1 && n <= _choices.Count ? _choices[n - 1] : null;
        }
    }

    public void Show(ChatMessage message, bool notification = false)
    {
        lock (_gate)
        {
            output.WriteLine();
            if (notification)
            {
                output.WriteLine("🔔");
            }

            if (message.Image is { } image)
            {
                output.WriteLine($"[image {image.FileName}, {image.Bytes.Length:N0} bytes]");
            }

            foreach (var line in message.Text.ToPlainText().Split('\n'))
            {
                output.WriteLine($"  {line}");
            }

            var buttons = message.Buttons.SelectMany(row => row).ToList();
            if (buttons.Count > 0)
            {
                _choices = buttons;
                for (var i = 0; i < buttons.Count; i++)
                {
                    var b = buttons[i];
                    var hint = b.Url is not null ? $" → {b.Url}" : b.RequestContact ? " (type your phone number)" : string.Empty;
                    output.WriteLine($"  [{i + 1}] {b.Label}{hint}");
                }
            }

            output.Flush();
        }
    }
}
