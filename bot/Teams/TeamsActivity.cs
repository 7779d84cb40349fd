using System.Text.Json;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// The parts of a Bot Framework activity the adapter reads. Unknown properties are ignored, so new fields that
/// Teams adds never break parsing.
/// </summary>
internal sealed record TeamsActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    /// <summary>For a card action: the id of the bot message the card was on.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>add</c> or <c>remove</c> on an installationUpdate.</summary>
    public string? Action { get; init; }

    public List<ActivityEntity>? Entities { get; init; }

    public List<ChannelAccount>? MembersAdded { get; init; }

    public List<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Action.Submit data on a message; the invoke value on an invoke.</summary>
    public JsonElement? Value { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public bool IsPersonal => Conversation is { } c
        && (string.Equals(c.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
            || (c.ConversationType is null && c.IsGroup != true));

    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The activity's locale, else the client's (clientInfo entity).</summary>
    public string? LanguageHint =>
        !string.IsNullOrWhiteSpace(Locale)
            ? Locale
            : Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;

    /// <summary>Parses an activity from UTF-8 JSON, with or without a byte order mark; null when it is not an object.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static TeamsActivity? Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        return JsonSerializer.Deserialize<TeamsActivity>(utf8, TeamsJson.Options);
    }
}
