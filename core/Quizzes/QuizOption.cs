namespace LoyaltyBot.Core.Quizzes;

/// <summary>One answer option. <see cref="Id"/> is short and opaque: it is what a chat button carries.</summary>
public sealed record QuizOption
{
    public required string Id { get; init; }

    public required LocalizedText Text { get; init; }

    /// <summary>Never leaves the server before the member has answered.</summary>
    public bool IsCorrect { get; init; }
}
