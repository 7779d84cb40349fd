namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>One Bot API request received by <see cref="FakeTelegramServer"/>, including the ones it rejected.</summary>
/// <param name="Method">Canonical Bot API method name (e.g. "sendMessage") when the method is known, otherwise as received.</param>
/// <param name="Token">The bot token taken from the <c>/bot{token}/{method}</c> URL.</param>
/// <param name="ReceivedAt">When the request arrived (UTC).</param>
/// <param name="Parameters">
/// Top-level parameters from the query string, JSON body or form fields. JSON strings and numbers are stored as
/// plain text ("123", "hello"); objects, arrays and booleans as their raw JSON text.
/// </param>
/// <param name="StatusCode">HTTP status the fake answered with (200, 403, 429, ...).</param>
/// <param name="FileBytes">Content of the first uploaded file of a multipart request, if any.</param>
/// <param name="FileName">File name of that uploaded file, if any.</param>
public sealed record RecordedCall(
    string Method,
    string Token,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Parameters,
    int StatusCode,
    byte[]? FileBytes = null,
    string? FileName = null)
{
    /// <summary>The parameter's value, or <see langword="null"/> when the request did not carry it.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the fake answered HTTP 200.</summary>
    public bool Succeeded => StatusCode == 200;
}
