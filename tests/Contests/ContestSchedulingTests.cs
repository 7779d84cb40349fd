using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Tests.Support;
using Quartz;

namespace LoyaltyBot.Tests.Contests;

public sealed class ContestSchedulingTests
{
    /// <summary>Monday 22 June 2026, 10:00 in Moscow.</summary>
    private static readonly DateTimeOffset NextMondayTenMoscow = DateTimeOffset.Parse("2026-06-22T07:00:00Z");

    [Fact]
    public async Task The_scheduler_runs_on_the_host_clock()
    {
        await using var s = new ContestScenario();

        Assert.Same(s.Clock, (await s.Scheduler()).TimeProvider);
    }

    [Fact]
    public async Task The_start_is_announced_to_the_audience_once_when_the_clock_reaches_it()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        var id = await s.CreateContest(s.ContestBody(startsAt: s.Now.AddHours(1)));
        Assert.True(await (await s.Scheduler()).Exists(new JobKey(id, "contest-start")));

        s.Clock.Advance(TimeSpan.FromHours(1));

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1 && s.DeliveredTo("1002").Count == 1, "both dealers are told");
        Assert.Contains("Стартовал конкурс «Летний спринт»", s.DeliveredTo("1001")[0]);
        Assert.Contains("1-е место — 5 000 баллов", s.DeliveredTo("1001")[0]);
        Assert.Equal(2, s.Queued(id, "start").Count);
        await ContestScenario.Eventually(async () => (await s.Contest(id)).TryGetProperty("startAnnouncedAt", out _), "the start is recorded");
        Assert.Equal(AnnouncementOutcome.AlreadyDone, (await s.Service<ContestAnnouncements>().AnnounceStartAsync(id, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Cancelling_a_contest_while_its_start_job_fires_is_answered_200()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var manager = await s.Manager();

        // A contest that starts now fires its start job at once; cancelling it in that moment raced Quartz's own removal
        // of the fired one-shot trigger ("Unable to unschedule trigger … while deleting job", a 500).
        for (var i = 0; i < 200; i++)
        {
            var id = await s.CreateContest(s.ContestBody(startsAt: s.Now));
            var cancelled = await manager.PostAsync($"/api/v1/contests/{id}/cancel", null);

            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.False(await (await s.Scheduler()).Exists(new JobKey(id, "contest-finish")));
        }
    }

    [Fact]
    public async Task A_start_missed_while_the_app_was_down_is_announced_once_at_startup()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(startsAt: s.Now.AddHours(1)));

        await s.StopAsync();
        s.Clock.Advance(TimeSpan.FromHours(3));
        s.StartAgain();

        await ContestScenario.Eventually(async () => (await s.Contest(id)).TryGetProperty("startAnnouncedAt", out _), "the missed start is announced");
        Assert.Single(s.Queued(id, "start"));
        await s.RestartAsync();
        Assert.False(await (await s.Scheduler()).Exists(new JobKey(id, "contest-start")));
        Assert.Single(s.Queued(id, "start"));
    }

    [Fact]
    public async Task A_cron_reminder_fires_at_its_local_time_in_the_contest_time_zone()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddDays(10), reminders: ["0 0 10 ? * MON"], atStart: false));
        var trigger = await (await s.Scheduler()).GetTrigger(new TriggerKey($"{id}:cron:0", "contest-reminder"));
        Assert.Equal(NextMondayTenMoscow, trigger!.NextFireTimeUtc);

        s.Clock.Advance(NextMondayTenMoscow - s.Now);

        await ContestScenario.Eventually(() => s.Queued(id, "reminder:20260622T0700").Count == 1, "the reminder is queued");
        await s.Delivered(() => s.DeliveredTo("1001").Count == 1, "the reminder is delivered");
        Assert.Contains("Конкурс «Летний спринт»: осталось 3 дня", s.DeliveredTo("1001")[0]);
    }

    [Fact]
    public async Task A_days_before_the_end_reminder_says_how_much_time_is_left()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var endsAt = s.Now.AddDays(3);
        var id = await s.CreateContest(s.ContestBody(endsAt: endsAt, daysBeforeEnd: [1], atStart: false));

        s.Clock.Advance(endsAt.AddDays(-1) - s.Now);

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1, "the reminder is delivered");
        Assert.Contains("Конкурс «Летний спринт»: остался 1 день", s.DeliveredTo("1001")[0]);
        Assert.Single(s.Queued(id, "reminder"));
    }

    [Theory]
    // Ends Tuesday 3 November, 10:00 EST (UTC−5); summer time ends on the 1st: Saturday 10:00 EDT (UTC−4), 73 h before.
    [InlineData("America/New_York", "2026-11-03T10:00", "2026-10-31T14:00:00Z")]
    // Ends Tuesday 27 October, 12:00 EET (UTC+2); summer time ends on the 25th: Saturday 12:00 EEST (UTC+3), 73 h before.
    [InlineData("Europe/Kyiv", "2026-10-27T12:00", "2026-10-24T09:00:00Z")]
    // Ends Tuesday 6 October, 10:00 AEDT (UTC+11); summer time starts on the 4th: Saturday 10:00 AEST (UTC+10), 71 h before.
    [InlineData("Australia/Sydney", "2026-10-06T10:00", "2026-10-03T00:00:00Z")]
    public async Task A_days_before_the_end_reminder_keeps_the_ends_local_time_across_a_daylight_saving_change(string zone, string endsAt, string expected)
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody(daysBeforeEnd: [3], atStart: false);
        body["timeZone"] = zone;
        body["endsAt"] = endsAt;
        var id = await s.CreateContest(body);

        var trigger = await (await s.Scheduler()).GetTrigger(new TriggerKey($"{id}:days:3", "contest-reminder"));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task A_three_days_before_the_end_reminder_across_a_23_hour_day_says_three_days_are_left()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var body = s.ContestBody(daysBeforeEnd: [3], atStart: false);
        body["timeZone"] = "Australia/Sydney";
        body["endsAt"] = "2026-10-06T10:00";
        var id = await s.CreateContest(body);
        var saturdayTenSydney = DateTimeOffset.Parse("2026-10-03T00:00:00Z", CultureInfo.InvariantCulture);

        s.Clock.Advance(saturdayTenSydney - s.Now);

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1, "the reminder is delivered");
        Assert.Contains("Конкурс «Летний спринт»: осталось 3 дня", s.DeliveredTo("1001")[0]);
        Assert.Single(s.Queued(id, "reminder:20261003T0000"));
    }

    [Fact]
    public async Task A_reminder_whose_time_passed_while_the_app_was_down_is_skipped()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddDays(20), reminders: ["0 0 10 ? * MON"], daysBeforeEnd: [19], atStart: false));

        await s.StopAsync();
        s.Clock.Advance(NextMondayTenMoscow.AddHours(2) - s.Now);
        s.StartAgain();

        var scheduler = await s.Scheduler();
        var cron = await scheduler.GetTrigger(new TriggerKey($"{id}:cron:0", "contest-reminder"));
        Assert.Equal(NextMondayTenMoscow.AddDays(7), cron!.NextFireTimeUtc);
        Assert.Null(await scheduler.GetTrigger(new TriggerKey($"{id}:days:19", "contest-reminder")));
        var late = await s.Service<ContestAnnouncements>().RemindAsync(id, NextMondayTenMoscow, CancellationToken.None);
        Assert.Equal(AnnouncementOutcome.Stale, late.Outcome);
        await Task.Delay(300);
        Assert.Empty(s.Queued(id, "reminder"));
    }

    [Fact]
    public async Task At_the_end_the_standings_are_frozen_the_winners_paid_and_everyone_told_the_result()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        await s.Dealer("D-3", "1003");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddHours(1), prizes: [5000m, 3000m], atStart: false));
        await s.Sale("D-1", 30);
        await s.Sale("D-2", 50);

        s.Clock.Advance(TimeSpan.FromHours(1));

        await ContestScenario.Eventually(async () => (await s.Contest(id)).GetProperty("status").GetString() == "finished", "the contest finishes");
        Assert.Equal(3000m, Assert.Single(await s.Prizes("D-1")).GetProperty("amount").GetDecimal());
        Assert.Equal(5000m, Assert.Single(await s.Prizes("D-2")).GetProperty("amount").GetDecimal());
        Assert.Empty(await s.Prizes("D-3"));
        var awards = (await s.Contest(id)).GetProperty("awards").EnumerateArray().ToArray();
        Assert.Equal([("D-2", 1), ("D-1", 2)], awards.Select(a => (a.GetProperty("externalId").GetString(), a.GetProperty("place").GetInt32())));
        await s.Delivered(() => s.DeliveredTo("1003").Count == 1 && s.DeliveredTo("1002").Count == 2, "the results are delivered");
        Assert.Contains("Поздравляем! Вы заняли 1-е место в конкурсе «Летний спринт» с результатом 50 баллов.", string.Join("\n", s.DeliveredTo("1002")));
        Assert.Contains("Ваш приз: 5 000 баллов — уже на вашем счёте.", string.Join("\n", s.DeliveredTo("1002")));
        Assert.Contains("Конкурс «Летний спринт» завершён", s.DeliveredTo("1003")[0]);
        Assert.Contains("В этом конкурсе у вас нет результата", s.DeliveredTo("1003")[0]);
        Assert.Equal(FinishOutcome.AlreadyFinished, (await s.Service<ContestFinishing>().FinishAsync(id, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_finished_contest_emits_one_contest_finished_webhook_naming_the_winners()
    {
        await using var s = new ContestScenario(new Dictionary<string, string?> { ["Webhooks:PollSeconds"] = "0" });
        var subscribed = await s.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://crm.example.com/hooks", eventTypes = new[] { "contest.finished" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = (await subscribed.Json()).GetProperty("id").GetString();
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddHours(1), prizes: [5000m, 3000m], atStart: false));
        await s.Sale("D-1", 30);
        await s.Sale("D-2", 50);

        s.Clock.Advance(TimeSpan.FromHours(1));
        await ContestScenario.Eventually(async () => (await s.Contest(id)).GetProperty("status").GetString() == "finished", "the contest finishes");
        await s.Service<ContestFinishing>().FinishAsync(id, CancellationToken.None);

        var deliveries = (await s.Admin.GetJson($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
        var delivery = Assert.Single(deliveries);
        Assert.Equal("contest.finished", delivery.GetProperty("eventType").GetString());
        var data = System.Text.Json.JsonDocument.Parse(delivery.GetProperty("body").GetString()!).RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("contestId").GetString());
        var winners = data.GetProperty("winners").EnumerateArray()
            .Select(w => (w.GetProperty("place").GetInt32(), w.GetProperty("externalId").GetString(), w.GetProperty("points").GetDecimal()))
            .ToArray();
        Assert.Equal([(1, "D-2", 5000m), (2, "D-1", 3000m)], winners);
    }

    [Fact]
    public async Task A_prize_place_counts_as_a_win_for_the_contest_winner_achievement()
    {
        await using var s = new ContestScenario();
        var rule = await s.Admin.PostAsJsonAsync("/api/v1/achievements/rules", new { kind = "contestWinner", name = "Чемпион" });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        await s.Dealer("D-3", "1003");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddHours(1), prizes: [5000m, 3000m], atStart: false));
        await s.Sale("D-1", 30);
        await s.Sale("D-2", 50);
        await s.Sale("D-3", 10);

        s.Clock.Advance(TimeSpan.FromHours(1));
        await ContestScenario.Eventually(async () => (await s.Contest(id)).GetProperty("status").GetString() == "finished", "the contest finishes");

        var badges = s.Service<LoyaltyBot.Core.Storage.IDocumentStore>().Set<LoyaltyBot.Core.Achievements.MemberAchievement>().All()
            .Select(b => s.Service<LoyaltyBot.Core.Members.MemberQueries>().ById(b.MemberId)!.ExternalId)
            .Order()
            .ToArray();
        Assert.Equal(["D-1", "D-2"], badges);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_awarding_pays_each_winner_exactly_once()
    {
        await using var s = new ContestScenario(new Dictionary<string, string?> { ["Contests:ChunkSize"] = "2" });
        for (var i = 1; i <= 6; i++)
        {
            await s.Dealer($"D-{i}", $"100{i}");
        }

        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddHours(1)));
        for (var i = 1; i <= 6; i++)
        {
            await s.Sale($"D-{i}", 100 - i);
        }

        // The finish starts by hand, and the process dies after the first chunk of prizes.
        await (await s.Scheduler()).Standby();
        s.Clock.Advance(TimeSpan.FromHours(2));
        var finishing = s.Service<ContestFinishing>();
        Assert.Equal(FinishOutcome.Finished, await finishing.FreezeAsync(id, CancellationToken.None));
        Assert.Equal(2, await finishing.AwardAsync(id, 1, 2, CancellationToken.None));
        await s.StopAsync();

        s.StartAgain();

        await ContestScenario.Eventually(async () => (await s.Contest(id)).GetProperty("status").GetString() == "finished", "the restart finishes the contest");
        decimal[] expected = [5000m, 3000m, 2000m, 1000m, 500m];
        for (var i = 1; i <= 5; i++)
        {
            var prize = Assert.Single(await s.Prizes($"D-{i}"));
            Assert.Equal(expected[i - 1], prize.GetProperty("amount").GetDecimal());
        }

        Assert.Empty(await s.Prizes("D-6"));
        Assert.Equal(5, (await s.Contest(id)).GetProperty("awards").GetArrayLength());
        Assert.Equal(5, s.Queued(id, "winner").Count);
        Assert.Equal(0, await s.Service<ContestFinishing>().AwardAsync(id, 1, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_unschedules_the_jobs_tells_the_participants_and_pays_nothing()
    {
        await using var s = new ContestScenario();
        await s.Dealer("D-1", "1001");
        await s.Dealer("D-2", "1002");
        var id = await s.CreateContest(s.ContestBody(endsAt: s.Now.AddDays(10), reminders: ["0 0 10 ? * MON"], atStart: false));
        await s.Sale("D-1", 10);

        var response = await (await s.Manager()).PostAsync($"/api/v1/contests/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.Json()).GetProperty("status").GetString());
        var scheduler = await s.Scheduler();
        foreach (var group in new[] { "contest-start", "contest-reminder", "contest-finish" })
        {
            Assert.False(await scheduler.Exists(new JobKey(id, group)));
        }

        await s.Delivered(() => s.DeliveredTo("1001").Count == 1 && s.DeliveredTo("1002").Count == 1, "both are told");
        Assert.Contains("Конкурс «Летний спринт» отменён", s.DeliveredTo("1001")[0]);
        Assert.Equal(FinishOutcome.Cancelled, (await s.Service<ContestFinishing>().FinishAsync(id, CancellationToken.None)).Outcome);
        Assert.Empty(await s.Prizes("D-1"));
    }

    [Fact]
    public async Task Editing_the_end_moves_the_finish()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody(endsAt: s.Now.AddDays(2));
        var id = await s.CreateContest(body);
        var later = s.Now.AddDays(5);
        body["endsAt"] = later.ToString("O");

        var response = await (await s.Manager()).PutAsJsonAsync($"/api/v1/contests/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finish = await (await s.Scheduler()).GetTrigger(new TriggerKey(id, "contest-finish"));
        Assert.Equal(later, finish!.NextFireTimeUtc);
    }
}
