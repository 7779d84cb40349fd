using LoyaltyBot.Core.Contests;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestAnnouncementTests
{
    [Fact]
    public async Task A_member_in_seventh_place_is_shown_the_top_five_their_place_the_gap_to_fifth_and_the_time_left()
    {
        await using var s = new ContestScenario();
        var id = await SevenDealersRace(s, language: null);

        var result = await s.Service<ContestAnnouncements>().RemindAsync(id, s.Now, CancellationToken.None);

        Assert.Equal(new AnnouncementResult(AnnouncementOutcome.Sent, 7), result);
        await s.Delivered(() => s.DeliveredTo("1007").Count == 1, "the reminder is delivered");
        var text = s.DeliveredTo("1007")[0];
        Assert.Contains("Конкурс «Летний спринт»: осталось 2 дня", text);
        Assert.Contains("1. Дилер D-1 — 1 000 баллов", text);
        Assert.Contains("5. Дилер D-5 — 600 баллов", text);
        Assert.DoesNotContain("6. Дилер D-6", text);
        Assert.Contains("…\n7. Дилер D-7 — 480 баллов (вы)", text);
        Assert.Contains("Вы на 7-м месте, отставание от 5-го места — 120 баллов", text);
        Assert.Contains("Вы на 1-м месте — так держать!", s.DeliveredTo("1001")[0]);
        Assert.Contains("Вы на 3-м месте, отставание от 2-го места — 100 баллов", s.DeliveredTo("1003")[0]);
    }

    [Theory]
    [InlineData("uk", "Ви на 7-му місці, відставання від 5-го місця — 120 балів", "залишилося 2 дні")]
    [InlineData("en", "You are in 7th place, 120 points behind 5th place", "2 days left")]
    public async Task The_seventh_place_reminder_speaks_the_members_language(string language, string place, string timeLeft)
    {
        await using var s = new ContestScenario();
        var id = await SevenDealersRace(s, language);

        await s.Service<ContestAnnouncements>().RemindAsync(id, s.Now, CancellationToken.None);

        await s.Delivered(() => s.DeliveredTo("1007").Count == 1, "the reminder is delivered");
        Assert.Contains(place, s.DeliveredTo("1007")[0]);
        Assert.Contains(timeLeft, s.DeliveredTo("1007")[0]);
    }

    [Fact]
    public async Task A_reminder_triggered_twice_for_the_same_time_is_queued_once()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(atStart: false));
        var announcements = s.Service<ContestAnnouncements>();
        var at = s.Now;

        var first = await announcements.RemindAsync(id, at, CancellationToken.None);
        var second = await announcements.RemindAsync(id, at, CancellationToken.None);

        Assert.Equal((1, 0), (first.Messages, second.Messages));
        Assert.Single(s.Queued(id, "reminder"));
    }

    [Fact]
    public async Task Reminders_before_the_start_or_after_a_cancellation_are_not_sent()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(startsAt: s.Now.AddDays(1)));
        var announcements = s.Service<ContestAnnouncements>();

        var early = await announcements.RemindAsync(id, s.Now, CancellationToken.None);
        await s.Service<ContestAuthoring>().CancelAsync(id, "test", CancellationToken.None);
        var cancelled = await announcements.RemindAsync(id, s.Now, CancellationToken.None);

        Assert.Equal((AnnouncementOutcome.NotDue, AnnouncementOutcome.Skipped), (early.Outcome, cancelled.Outcome));
        Assert.Empty(s.Queued(id, "reminder"));
        Assert.Empty(s.Queued(id, "cancelled"));
    }

    /// <summary>Seven dealers with 1000, 900, 800, 700, 600, 550 and 480 points in a contest that ends in 2 days and 3 hours.</summary>
    private static async Task<string> SevenDealersRace(ContestScenario s, string? language)
    {
        int[] points = [1000, 900, 800, 700, 600, 550, 480];
        for (var i = 1; i <= 7; i++)
        {
            await s.Dealer($"D-{i}", $"100{i}", language: i == 7 ? language : null);
        }

        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddDays(2).AddHours(3), atStart: false));
        for (var i = 1; i <= 7; i++)
        {
            await s.Sale($"D-{i}", points[i - 1]);
        }

        return id;
    }
}
