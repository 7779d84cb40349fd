using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>A text in Russian (required) and optionally Ukrainian and English; missing translations fall back to Russian.</summary>
public sealed record LocalizedText
{
    public required string Ru { get; init; }

    public string? Uk { get; init; }

    public string? En { get; init; }

    /// <summary>The text in <paramref name="language"/>, or the Russian one when there is no translation.</summary>
    public string In(string language) => language switch
    {
        Languages.Ukrainian => Uk ?? Ru,
        Languages.English => En ?? Ru,
        _ => Ru,
    };
}
