using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Quizzes;

internal sealed class QuizSchema : IStoreSchema
{
    public void Configure(StoreSchemaBuilder schema) => schema
        .Collection<Quiz>("quizzes")
        .Collection<QuizAttempt>("quiz_attempts")
        .Index<QuizAttempt, string>(a => a.Key, unique: true)
        .Index<QuizAttempt, string>(a => a.QuizId)
        .Index<QuizAttempt, string>(a => a.MemberId);
}
