namespace LoyaltyBot.Core.Members;

/// <summary>The languages the program speaks. Russian is the default.</summary>
public static class Languages
{
    public const string Russian = "ru";
    public const string Ukrainian = "uk";
    public const string English = "en";
    public const string Default = Russian;

    public static IReadOnlyList<string> All { get; } = [Russian, Ukrainian, English];

    public static bool IsSupported(string? code) => code is Russian or Ukrainian or English;

    /// <summary>Maps a channel's language hint ("uk-UA", "en", "ru_RU") to a supported language, if any.</summary>
    public static string? FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint) || hint.Length < 2)
        {
            return null;
        }

        var primary = hint[..2].ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }
}
