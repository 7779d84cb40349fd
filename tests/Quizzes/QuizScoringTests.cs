using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Tests.Quizzes;

public sealed class QuizScoringTests
{
    [Theory]
    [InlineData(4, 5, true, 90)]
    [InlineData(3, 5, false, 30)]
    [InlineData(5, 5, true, 100)]
    public void The_completion_bonus_is_paid_from_the_pass_threshold_on(int correct, int questions, bool passed, decimal points)
    {
        var scoring = new QuizScoring { PointsPerCorrect = 10, PassThresholdPercent = 80, CompletionBonus = 50 };

        var score = scoring.Score(correct, questions);

        Assert.Equal(passed, score.Passed);
        Assert.Equal(points, score.Points);
    }

    [Fact]
    public void Without_a_threshold_every_finished_attempt_passes_and_earns_the_bonus()
    {
        var score = new QuizScoring { CompletionBonus = 20 }.Score(0, 3);

        Assert.True(score.Passed);
        Assert.Equal(20m, score.Points);
        Assert.Equal(0m, score.Percent);
    }

    [Fact]
    public void A_missing_translation_falls_back_to_russian()
    {
        var text = new LocalizedText { Ru = "Вопрос", En = "Question" };

        Assert.Equal("Question", text.In("en"));
        Assert.Equal("Вопрос", text.In("uk"));
        Assert.Equal("Вопрос", text.In("ru"));
    }
}
