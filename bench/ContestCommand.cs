using System.Diagnostics;
using System.Globalization;
using LoyaltyBot.Bot.Contests;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Joining;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CoreSaleRequest = LoyaltyBot.Core.Sales.SaleRequest;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>contest</c>: a leaderboard with many participants and sales, then <c>/top</c> through the real conversation
/// engine, idle and while sales keep coming in. Everything runs in this process on the product's own services.
/// </summary>
internal static class ContestCommand
{
    private const string Channel = "bench";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        ContestBenchOptions options;
        try
        {
            options = ContestBenchOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(ContestBenchOptions.Usage);
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            Console.WriteLine(ContestBenchOptions.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var report = await MeasureAsync(options, Console.Out, ct);
            Print(report, Console.Out);
            Console.WriteLine($"JSON        {ReportWriter.Write("contest", report, report.StartedAt)}");
            return report.Consistent ? ExitCodes.Ok : ExitCodes.Errors;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: {e}");
            return ExitCodes.Errors;
        }
    }

    private static async Task<ContestReport> MeasureAsync(ContestBenchOptions options, TextWriter log, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        using var temp = TempDirectory.Create("loyaltybot-contest");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(temp.Path, "loyalty.db"),
            ["RateLimits:Chat:MessagesPerMinute"] = "0", // throughput, not the limit, is measured
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLoyaltyCore();
        builder.Services.AddChat();
        builder.Services.AddQuizzes();
        builder.Services.AddContests();
        builder.Services.AddContestChat();
        // Not started: no outbox sender or quiz clock runs; the services are used directly.
        using var host = builder.Build();
        var services = host.Services;
        var engine = services.GetRequiredService<IConversationEngine>();

        log.WriteLine($"Enrolling {options.Participants:N0} members ({options.ChatUsers} linked to chat)...");
        var memberIds = await EnrolAsync(services, engine, options, ct);

        var now = DateTimeOffset.UtcNow;
        var created = await services.GetRequiredService<ContestAuthoring>().CreateAsync(new ContestDraft(
            new LocalizedDraft("Бенчмарк"),
            new LocalizedDraft("Кто больше продаст"),
            ContestMetric.SalesPoints,
            now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
            now.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
            Prizes: [new PrizeDraft(1, 5000), new PrizeDraft(2, 3000), new PrizeDraft(3, 2000), new PrizeDraft(4, 1000), new PrizeDraft(5, 500)],
            Announcements: new AnnouncementPlanDraft(AtStart: false, AtEnd: false)), "bench", ct);
        var contest = created.Value ?? throw new InvalidOperationException(created.Error!.Message);

        log.WriteLine($"Recording {options.Sales:N0} sales in batches of {options.Batch:N0}...");
        var seed = Stopwatch.StartNew();
        var (recorded, points, saleErrors) = await SeedSalesAsync(services.GetRequiredService<SaleRecorder>(), memberIds, options, now, log, ct);
        seed.Stop();

        var board = services.GetRequiredService<ContestLeaderboards>();
        var first = Stopwatch.StartNew();
        var sample = await TopAsync(engine, 0, ct);
        first.Stop();
        var leaderboard = board.Of(contest);
        log.WriteLine($"Leaderboard: {leaderboard.Count:N0} participants; first /top {first.Elapsed.TotalMilliseconds:F1} ms (loads the standings)");

        var bad = new ErrorLog();
        for (var i = 0; i < options.Warmup; i++)
        {
            await TopAsync(engine, i % options.ChatUsers, ct);
        }

        log.WriteLine($"Measuring {options.Requests:N0} /top requests...");
        var idle = await MeasureTopAsync(engine, options.Requests, options.ChatUsers, bad, ct);

        var liveSales = 0;
        var whileSelling = LatencySummary.Empty;
        if (options.LiveRequests > 0)
        {
            log.WriteLine($"Measuring {options.LiveRequests:N0} /top requests while sales keep coming in...");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var selling = KeepSellingAsync(services.GetRequiredService<SaleRecorder>(), memberIds, stop.Token);
            whileSelling = await MeasureTopAsync(engine, options.LiveRequests, options.ChatUsers, bad, ct);
            await stop.CancelAsync();
            liveSales = await selling;
        }

        return new ContestReport
        {
            StartedAt = startedAt,
            TotalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1),
            Machine = MachineInfo.Current(),
            Options = options,
            SeedSeconds = Math.Round(seed.Elapsed.TotalSeconds, 1),
            SalesPerSecond = Math.Round(recorded / seed.Elapsed.TotalSeconds, 0),
            SalesRecorded = recorded,
            SaleErrors = saleErrors.Count,
            LeaderboardParticipants = leaderboard.Count,
            LeaderboardTotal = leaderboard.Rows.Sum(r => r.Score),
            PointsEarned = points,
            FirstTopMs = Math.Round(first.Elapsed.TotalMilliseconds, 2),
            Top = idle,
            TopWhileSelling = whileSelling,
            SalesDuringLiveRun = liveSales,
            BadReplies = bad.Count,
            ErrorSamples = [.. saleErrors.Samples, .. bad.Samples],
            SampleReply = sample,
        };
    }

    private static async Task<string[]> EnrolAsync(IServiceProvider services, IConversationEngine engine, ContestBenchOptions options, CancellationToken ct)
    {
        var registry = services.GetRequiredService<MemberRegistry>();
        var codes = services.GetRequiredService<JoinCodes>();
        var ids = new string[options.Participants];
        var joinCodes = new string?[options.ChatUsers];
        foreach (var chunk in Enumerable.Range(0, options.Participants).Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(async i =>
            {
                var enrolled = await registry.EnrolAsync(
                    new NewMember($"bench-{i:D7}", $"Дилер {i:D5}"),
                    ct,
                    i < options.ChatUsers ? (store, member) => joinCodes[i] = codes.Issue(store, member.Id).Code : null);
                ids[i] = enrolled.Value?.Id ?? throw new InvalidOperationException(enrolled.Error!.Message);
            }));
        }

        for (var user = 0; user < options.ChatUsers; user++)
        {
            await engine.HandleAsync(Message(user, joinCodes[user]!), ct);
        }

        return ids;
    }

    /// <summary>Every member sells once first, then sellers are skewed (a few sell a lot), 1–20 units each, within the last 50 minutes.</summary>
    private static async Task<(int Recorded, decimal Points, ErrorLog Errors)> SeedSalesAsync(
        SaleRecorder recorder, string[] members, ContestBenchOptions options, DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        var random = new Random(42);
        var externalIds = Enumerable.Range(0, members.Length).Select(i => $"bench-{i:D7}").ToArray();
        var errors = new ErrorLog();
        var recorded = 0;
        var points = 0m;
        var nextReport = 100_000;
        var clock = Stopwatch.StartNew();
        var inFlight = new Queue<Task<IReadOnlyList<SaleOutcome>>>();

        async Task CollectAsync()
        {
            foreach (var outcome in await inFlight.Dequeue())
            {
                if (outcome.Status == SaleItemStatus.Created)
                {
                    recorded++;
                    points += outcome.Receipt!.PointsEarned;
                }
                else
                {
                    errors.Add($"sale {outcome.Id}: {outcome.Status} {outcome.Error?.Code}");
                }
            }
        }

        for (var start = 0; start < options.Sales; start += options.Batch)
        {
            var count = Math.Min(options.Batch, options.Sales - start);
            var batch = new CoreSaleRequest?[count];
            for (var k = 0; k < count; k++)
            {
                var n = start + k;
                var member = n < members.Length ? n : (int)(members.Length * Math.Pow(random.NextDouble(), 2));
                batch[k] = new CoreSaleRequest($"bench-sale-{n}", externalIds[member], "SKU-1", random.Next(1, 21), now.AddSeconds(-random.Next(60, 3000)));
            }

            // Two batches in flight: the next one is validated while the writer commits the previous one.
            inFlight.Enqueue(recorder.RecordBatchAsync(batch, "bench", ct));
            if (inFlight.Count >= 2)
            {
                await CollectAsync();
            }

            if (start + count >= nextReport)
            {
                log.WriteLine($"  {start + count:N0} sales, {(start + count) / clock.Elapsed.TotalSeconds:N0}/s");
                nextReport += 100_000;
            }
        }

        while (inFlight.Count > 0)
        {
            await CollectAsync();
        }

        return (recorded, points, errors);
    }

    private static async Task<int> KeepSellingAsync(SaleRecorder recorder, string[] members, CancellationToken ct)
    {
        var random = new Random(7);
        var sold = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var batch = Enumerable.Range(0, 100)
                    .Select(_ => (CoreSaleRequest?)new CoreSaleRequest($"live-{Guid.NewGuid():N}", $"bench-{random.Next(members.Length):D7}", "SKU-1", random.Next(1, 21), DateTimeOffset.UtcNow))
                    .ToArray();
                sold += (await recorder.RecordBatchAsync(batch, "bench", CancellationToken.None)).Count(o => o.Status == SaleItemStatus.Created);
                await Task.Delay(10, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        return sold;
    }

    private static async Task<LatencySummary> MeasureTopAsync(IConversationEngine engine, int requests, int users, ErrorLog bad, CancellationToken ct)
    {
        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await TopAsync(engine, i % users, ct);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!reply.Contains("Бенчмарк", StringComparison.Ordinal) || !reply.Contains("(вы)", StringComparison.Ordinal))
            {
                bad.Add($"/top of user {i % users}: {reply[..Math.Min(reply.Length, 120)]}");
            }
        }

        return LatencySummary.From(latencies);
    }

    private static async Task<string> TopAsync(IConversationEngine engine, int user, CancellationToken ct)
    {
        var turn = await engine.HandleAsync(Message(user, "/top"), ct);
        return string.Join("\n", turn.Replies.Select(r => r.Text.ToPlainText()));
    }

    private static IncomingMessage Message(int user, string text) => new()
    {
        Channel = Channel,
        ChannelUserId = $"u{user}",
        ChatId = $"u{user}",
        Text = text,
        LanguageHint = "ru",
    };

    private static void Print(ContestReport report, TextWriter w)
    {
        static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
        static string L(LatencySummary l) => $"p50 {N(l.P50Ms)}  p95 {N(l.P95Ms)}  p99 {N(l.P99Ms)}  max {N(l.MaxMs)}  ({N(l.Samples)} requests)";
        w.WriteLine();
        w.WriteLine($"Machine     {report.Machine.ProcessorCount} cores, {report.Machine.Os}, {report.Machine.Runtime}");
        w.WriteLine($"Seeded      {N(report.SalesRecorded)} sales in {report.SeedSeconds:F1} s = {N(report.SalesPerSecond)} sales/s ({N(report.SaleErrors)} errors)");
        w.WriteLine($"Leaderboard {N(report.LeaderboardParticipants)} participants; scores sum {report.LeaderboardTotal:#,0.##} = points earned {report.PointsEarned:#,0.##}: {(report.LeaderboardTotal == report.PointsEarned ? "yes" : "NO")}");
        w.WriteLine($"First /top  {N(report.FirstTopMs)} ms (loads and sorts the standings)");
        w.WriteLine($"/top ms     {L(report.Top)}  target p99 <= {ContestReport.TargetP99Ms} ms: {(report.Top.P99Ms <= ContestReport.TargetP99Ms ? "MET" : "BELOW")}");
        if (report.TopWhileSelling.Samples > 0)
        {
            w.WriteLine($"/top live   {L(report.TopWhileSelling)}  with {N(report.SalesDuringLiveRun)} sales recorded meanwhile");
        }

        w.WriteLine($"Bad replies {N(report.BadReplies)}");
        foreach (var sample in report.ErrorSamples.Take(5))
        {
            w.WriteLine($"  {sample}");
        }

        w.WriteLine($"Result      {(report.Consistent ? "OK" : "FAILED")}");
    }
}
