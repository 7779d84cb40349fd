using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Quizzes;

public static class QuizErrors
{
    public static DomainError Unknown(string id) =>
        DomainError.NotFound("unknown_quiz", $"No quiz has id '{id}'.", "id");

    /// <summary>Someone has started the quiz: its content is frozen, only the closing time may move.</summary>
    public static DomainError Locked(string field) =>
        DomainError.Conflict("quiz_locked", $"The quiz has attempts, so only 'closesAt' may change ('{field}' differs).", field);

    public static DomainError Closed(string id) =>
        DomainError.Conflict("quiz_closed", $"Quiz '{id}' has closed and can no longer be changed.", "closesAt");
}
