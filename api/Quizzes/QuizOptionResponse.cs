using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Api.Quizzes;

/// <summary>An option as managers see it, with its opaque id and whether it is the correct one.</summary>
public sealed record QuizOptionResponse(string Id, LocalizedText Text, bool Correct);
