using System.Text;
using LoyaltyBot.Core.Chat;
using Telegram.Bot.Types.ReplyMarkups;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>Turns channel-neutral buttons into a Telegram keyboard.</summary>
internal static class TelegramMarkup
{
    /// <summary>
    /// Inline buttons (a choice's payload as callback data, links as URL buttons), or, when a row asks for the
    /// user's phone, a one-time reply keyboard with the contact button(s): Telegram cannot mix both kinds on one
    /// message, so the other buttons of such a message are left out.
    /// </summary>
    /// <exception cref="InvalidOperationException">A payload over 64 bytes or a button with no action: a bug in a flow.</exception>
    public static ReplyMarkup? For(IReadOnlyList<IReadOnlyList<ChatButton>> rows)
    {
        if (rows.Count == 0 || rows.All(row => row.Count == 0))
        {
            return null;
        }

        if (rows.Any(row => row.Any(button => button.RequestContact)))
        {
            var contactRows = rows
                .Select(row => row.Where(button => button.RequestContact).Select(button => KeyboardButton.WithRequestContact(button.Label)).ToArray())
                .Where(row => row.Length > 0)
                .ToArray();
            return new ReplyKeyboardMarkup(contactRows) { OneTimeKeyboard = true, ResizeKeyboard = true };
        }

        return new InlineKeyboardMarkup(rows.Where(row => row.Count > 0).Select(row => row.Select(Inline).ToArray()).ToArray());
    }

    private static InlineKeyboardButton Inline(ChatButton button)
    {
        if (button.Url is { } url)
        {
            return InlineKeyboardButton.WithUrl(button.Label, url);
        }

        if (button.Payload is not { Length: > 0 } payload)
        {
            throw new InvalidOperationException($"The button '{button.Label}' has neither a payload nor a URL.");
        }

        if (Encoding.UTF8.GetByteCount(payload) > ChatButton.MaxPayloadBytes)
        {
            throw new InvalidOperationException(
                $"The payload of the button '{button.Label}' is {Encoding.UTF8.GetByteCount(payload)} bytes; Telegram allows {ChatButton.MaxPayloadBytes}.");
        }

        return InlineKeyboardButton.WithCallbackData(button.Label, payload);
    }
}
