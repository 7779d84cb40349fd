using System.Text.Json.Nodes;

namespace LoyaltyBot.Tests.Fakes.Teams;

/// <summary>One Bot Connector call received by <see cref="FakeBotFrameworkServer"/>.</summary>
/// <param name="Method">POST or PUT.</param>
/// <param name="Kind">What the path means: <c>create</c>, <c>send</c>, <c>reply</c> or <c>update</c>.</param>
/// <param name="ConversationId">The unescaped conversation id of the path (null for create).</param>
/// <param name="ActivityId">The activity replied to or updated (null for send and create).</param>
/// <param name="Authorization">The Authorization header as received.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="StatusCode">What the fake answered.</param>
public sealed record ConnectorCall(
    string Method,
    string Kind,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonNode? Body,
    int StatusCode,
    DateTimeOffset ReceivedAt)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The Adaptive Card of the first attachment, if the activity carries one.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    public string? Text => Body?["text"]?.GetValue<string>();
}
