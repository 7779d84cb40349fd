namespace LoyaltyBot.Bot.Menu;

/// <summary>A main-menu button: features register their own (label from the resources, payload of their handler).</summary>
public sealed record MenuItem(int Order, string LabelKey, string Payload);
