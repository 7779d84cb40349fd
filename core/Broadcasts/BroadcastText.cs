using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Broadcasts;

/// <summary>A campaign text (validated markup) in up to three languages; Russian is required and the fallback.</summary>
public sealed record BroadcastText
{
    public required string Ru { get; init; }

    public string? Uk { get; init; }

    public string? En { get; init; }

    /// <summary>The text in <paramref name="language"/>, or the Russian one when that language was left out.</summary>
    public string In(string? language) => language switch
    {
        Languages.Ukrainian when !string.IsNullOrEmpty(Uk) => Uk,
        Languages.English when !string.IsNullOrEmpty(En) => En,
        _ => Ru,
    };
}
