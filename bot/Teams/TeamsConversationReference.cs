namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// What it takes to write to a Teams user later (outbox, broadcasts): stored in <c>ChatIdentity.Address</c>.
/// <see cref="ConversationId"/> is the user's personal (1:1) conversation with the bot — only ever taken from a
/// personal activity, never from a channel — and is absent until the user writes to the bot privately, in which
/// case the sender creates the conversation first.
/// </summary>
internal sealed record TeamsConversationReference
{
    public const string ServiceUrlKey = "serviceUrl";
    public const string ConversationIdKey = "conversationId";
    public const string TenantIdKey = "tenantId";
    public const string BotIdKey = "botId";
    public const string BotNameKey = "botName";
    public const string UserIdKey = "userId";

    public required string ServiceUrl { get; init; }

    public required string UserId { get; init; }

    public string? ConversationId { get; init; }

    public string? TenantId { get; init; }

    public string? BotId { get; init; }

    public string? BotName { get; init; }

    public Dictionary<string, string> ToAddress()
    {
        var address = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ServiceUrlKey] = ServiceUrl,
            [UserIdKey] = UserId,
        };
        Add(address, ConversationIdKey, ConversationId);
        Add(address, TenantIdKey, TenantId);
        Add(address, BotIdKey, BotId);
        Add(address, BotNameKey, BotName);
        return address;
    }

    public static TeamsConversationReference? FromAddress(IReadOnlyDictionary<string, string> address, string userId) =>
        address.TryGetValue(ServiceUrlKey, out var serviceUrl)
            ? new TeamsConversationReference
            {
                ServiceUrl = serviceUrl,
                UserId = address.GetValueOrDefault(UserIdKey) ?? userId,
                ConversationId = address.GetValueOrDefault(ConversationIdKey),
                TenantId = address.GetValueOrDefault(TenantIdKey),
                BotId = address.GetValueOrDefault(BotIdKey),
                BotName = address.GetValueOrDefault(BotNameKey),
            }
            : null;

    /// <summary>
    /// The reference as of this (authenticated) activity: its service URL, tenant and bot always win — the
    /// newest activity knows the current ones — while a channel activity keeps the stored personal conversation.
    /// </summary>
    public static TeamsConversationReference Of(TeamsActivity activity, IReadOnlyDictionary<string, string>? stored)
    {
        var previous = stored is null ? null : FromAddress(stored, activity.From!.Id!);
        return new TeamsConversationReference
        {
            ServiceUrl = activity.ServiceUrl!,
            UserId = activity.From!.Id!,
            ConversationId = activity.IsPersonal ? activity.Conversation?.Id : previous?.ConversationId,
            TenantId = activity.TenantId ?? previous?.TenantId,
            BotId = activity.Recipient?.Id ?? previous?.BotId,
            BotName = activity.Recipient?.Name ?? previous?.BotName,
        };
    }

    private static void Add(Dictionary<string, string> address, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            address[key] = value;
        }
    }
}
