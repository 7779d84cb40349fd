using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>
/// Per-sale outcome in a batch response: status is created, duplicate or rejected. <see cref="Error"/> is kept as raw
/// JSON because the API sends an object ({code, message, field}); a plain string is accepted too.
/// </summary>
internal sealed record BatchResultItem(string? Id, string? Status, JsonElement? Error)
{
    public string? ErrorText => Error switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } e => e.GetRawText(),
    };
}
