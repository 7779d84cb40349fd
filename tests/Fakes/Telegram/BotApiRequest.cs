using System.Globalization;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>The parameters and optional uploaded file of one incoming Bot API request.</summary>
internal sealed record BotApiRequest(
    IReadOnlyDictionary<string, string> Parameters,
    byte[]? FileBytes,
    string? FileName)
{
    public static BotApiRequest Empty { get; } =
        new(new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly(), null, null);

    public string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public int? GetInt(string name) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
