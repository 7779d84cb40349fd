using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Bot.Menu;

/// <summary>The main menu: every registered <see cref="MenuItem"/>, two buttons a row.</summary>
public sealed class MainMenu(IEnumerable<MenuItem> items)
{
    private readonly MenuItem[] _items = items.OrderBy(i => i.Order).ToArray();

    public IReadOnlyList<IReadOnlyList<ChatButton>> Buttons(Texts texts) =>
        _items.Chunk(2).Select(row => (IReadOnlyList<ChatButton>)row.Select(i => ChatButton.Choice(texts[i.LabelKey], i.Payload)).ToArray()).ToArray();

    public ChatMessage Message(Texts texts) => new() { Text = RichText.Escape(texts["Menu.Title"]), Buttons = Buttons(texts) };
}
