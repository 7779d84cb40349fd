using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using LoyaltyBot.Tests.Fakes.Telegram;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>webhook</c>: Telegram updates through the real API host: secret check, dedupe in the store, the
/// conversation engine and the reply to an in-process fake Bot API, one inline round trip per update.
/// </summary>
internal static class WebhookCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        WebhookOptions options;
        try
        {
            options = WebhookOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(WebhookOptions.Usage);
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            Console.WriteLine(WebhookOptions.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var report = await MeasureAsync(options, Console.Out, ct);
            Print(report, Console.Out);
            Console.WriteLine($"JSON        {ReportWriter.Write("webhook", report, report.StartedAt)}");
            return report.Success ? ExitCodes.Ok : ExitCodes.Errors;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Errors;
        }
    }

    private static async Task<WebhookReport> MeasureAsync(WebhookOptions options, TextWriter log, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        await using var telegram = await FakeTelegramServer.StartAsync(cancellationToken: ct);
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 48);
        await using var host = await ApiHost.StartAsync(options.ApiDll, options.Build, log, ct, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = $"{FakeTelegramServer.BotId}:bench-{RandomNumberGenerator.GetHexString(16)}",
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__Mode"] = "webhook",
            ["Telegram__WebhookSecret"] = secret,
            ["Telegram__WebhookUrl"] = "https://bench.invalid/telegram/webhook",
        });
        await telegram.WaitForCallAsync("setWebhook", timeout: TimeSpan.FromSeconds(30), cancellationToken: ct);
        using var client = new WebhookClient(host.BaseUrl, host.AdminKey, secret, Math.Max(options.Concurrency, 40) + 4);

        log.WriteLine($"Joining {options.Users} Telegram users with join codes...");
        var joinErrors = new ErrorLog();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Users), parallel, async (user, token) =>
        {
            var code = await client.CreateMemberAsync($"bench-tg-{user:D6}", token);
            var (status, _) = await client.PostUpdateAsync(WebhookClient.TextUpdate(1 + user, user, $"/start join_{code}"), token);
            if (status != HttpStatusCode.OK)
            {
                joinErrors.Add($"join of user {user}: HTTP {(int)status}");
            }
        });

        var firstWarm = options.Users + 1;
        if (options.Warmup > 0)
        {
            // Not counted: lets tiered compilation replace the hot methods so the measured run sees steady-state code.
            log.WriteLine($"Warming up with {options.Warmup} /balance updates (not counted)...");
            var warm = Enumerable.Range(0, options.Warmup)
                .Select(i => WebhookClient.TextUpdate(firstWarm + i, i % options.Users, "/balance"))
                .ToArray();
            await PostAllAsync(client, warm, options.Concurrency, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        var joinReplies = await SettledCountAsync(telegram, ct);
        var firstMeasured = firstWarm + options.Warmup;
        var updates = Enumerable.Range(0, options.Updates)
            .Select(i => WebhookClient.TextUpdate(firstMeasured + i, i % options.Users, "/balance"))
            .ToArray();

        log.WriteLine($"Posting {options.Updates} updates with concurrency {options.Concurrency}...");
        var (seconds, latencies, errors) = await PostAllAsync(client, updates, options.Concurrency, ct);
        var replies = await SettledCountAsync(telegram, ct) - joinReplies;

        log.WriteLine($"Replaying {options.Replays} handled updates...");
        var (_, _, replayErrors) = await PostAllAsync(client, updates[..options.Replays], options.Concurrency, ct);
        var afterReplays = await SettledCountAsync(telegram, ct);

        var firstPaced = firstMeasured + options.Updates;
        var paced = Enumerable.Range(0, options.PacedUpdates)
            .Select(i => WebhookClient.TextUpdate(firstPaced + i, i % options.Users, "/balance"))
            .ToArray();
        var (pacedSeconds, pacedLatencies, pacedErrors) = (0.0, (IReadOnlyCollection<double>)[], new ErrorLog());
        if (paced.Length > 0)
        {
            log.WriteLine($"Posting {paced.Length} updates at a steady {options.Rate}/s...");
            (pacedSeconds, pacedLatencies, pacedErrors) = await PostPacedAsync(client, paced, options.Rate, ct);
        }

        var pacedReplies = await SettledCountAsync(telegram, ct) - afterReplays;

        return new WebhookReport
        {
            StartedAt = startedAt,
            TotalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1),
            Machine = MachineInfo.Current(),
            Options = options,
            ApiDll = host.DllPath,
            JoinedUsers = options.Users - joinErrors.Count,
            JoinErrors = joinErrors.Count,
            Updates = options.Updates,
            Seconds = Math.Round(seconds, 3),
            UpdatesPerSecond = Math.Round(options.Updates / seconds, 1),
            Latency = LatencySummary.From(latencies),
            Errors = errors.Count + replayErrors.Count + pacedErrors.Count,
            PacedUpdates = paced.Length,
            PacedSeconds = Math.Round(pacedSeconds, 3),
            PacedLatency = paced.Length > 0 ? LatencySummary.From(pacedLatencies) : null,
            PacedReplies = pacedReplies,
            Replies = replies,
            RepliesToReplays = afterReplays - joinReplies - replies,
            ErrorSamples = [.. joinErrors.Samples, .. errors.Samples, .. replayErrors.Samples, .. pacedErrors.Samples],
            ApiOutputTail = host.Output.Snapshot(),
        };
    }

    internal static async Task<(double Seconds, IReadOnlyCollection<double> Latencies, ErrorLog Errors)> PostAllAsync(
        WebhookClient client, IReadOnlyList<byte[]> updates, int concurrency, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ErrorLog();
        var stopwatch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(updates, parallel, (update, token) => PostOneAsync(client, update, latencies, errors, token));

        return (stopwatch.Elapsed.TotalSeconds, latencies, errors);
    }

    /// <summary>Posts one update and records its latency, or the error.</summary>
    private static async ValueTask PostOneAsync(
        WebhookClient client, byte[] update, ConcurrentBag<double> latencies, ErrorLog errors, CancellationToken ct)
    {
        try
        {
            var (status, latency) = await client.PostUpdateAsync(update, ct);
            latencies.Add(latency);
            if (status != HttpStatusCode.OK)
            {
                errors.Add($"POST /telegram/webhook: HTTP {(int)status}");
            }
        }
        catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, ct))
        {
            errors.Add($"POST /telegram/webhook: {e.Message}");
        }
    }

    /// <summary>
    /// Open loop, as a real load arrives: update i is sent at start + i/rate whether or not earlier ones have been
    /// answered, so a slow answer shows up as latency instead of slowing the sender down.
    /// </summary>
    private static async Task<(double Seconds, IReadOnlyCollection<double> Latencies, ErrorLog Errors)> PostPacedAsync(
        WebhookClient client, IReadOnlyList<byte[]> updates, int rate, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = new ErrorLog();
        var stopwatch = Stopwatch.StartNew();
        var sends = new List<Task>(updates.Count);
        for (var i = 0; i < updates.Count; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - stopwatch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var update = updates[i];
            sends.Add(Task.Run(() => PostOneAsync(client, update, latencies, errors, ct).AsTask(), ct));
        }

        await Task.WhenAll(sends);
        return (stopwatch.Elapsed.TotalSeconds, latencies, errors);
    }

    /// <summary>Replies are sent before the webhook answers; this only guards against counting a call still being recorded.</summary>
    internal static async Task<int> SettledCountAsync(FakeTelegramServer telegram, CancellationToken ct)
    {
        var count = telegram.CallsTo("sendMessage").Count;
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(50, ct);
            var again = telegram.CallsTo("sendMessage").Count;
            if (again == count)
            {
                return count;
            }

            count = again;
        }

        return count;
    }

    private static void Print(WebhookReport report, TextWriter w)
    {
        static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
        var l = report.Latency;
        w.WriteLine();
        w.WriteLine($"Machine     {report.Machine.ProcessorCount} cores, {report.Machine.Os}, {report.Machine.Runtime}");
        w.WriteLine($"Joined      {N(report.JoinedUsers)} of {N(report.Options.Users)} users ({N(report.JoinErrors)} errors)");
        w.WriteLine($"Webhook     {N(report.Updates)} updates in {report.Seconds:F2} s = {N(report.UpdatesPerSecond)} updates/s at concurrency {report.Options.Concurrency}");
        w.WriteLine($"Latency ms  mean {N(l.MeanMs)}  p50 {N(l.P50Ms)}  p95 {N(l.P95Ms)}  p99 {N(l.P99Ms)}  max {N(l.MaxMs)}");
        if (report.PacedLatency is { } p)
        {
            w.WriteLine($"Paced       {N(report.PacedUpdates)} updates at {N(report.Options.Rate)}/s in {report.PacedSeconds:F2} s; latency ms p50 {N(p.P50Ms)}  p95 {N(p.P95Ms)}  p99 {N(p.P99Ms)}  max {N(p.MaxMs)}; {N(report.PacedReplies)} replies");
        }

        w.WriteLine($"Targets     >= 1,000 updates/s at saturation: {(report.UpdatesPerSecond >= 1000 ? "MET" : "BELOW")}; p99 <= 50 ms at {N(report.Options.Rate)}/s: {(report.PacedLatency is { P99Ms: <= 50 } ? "MET" : report.PacedLatency is null ? "not run" : "BELOW")}");
        w.WriteLine($"Replies     {N(report.Replies)} sendMessage for {N(report.Updates)} updates; {N(report.RepliesToReplays)} for {N(report.Options.Replays)} replayed updates");
        w.WriteLine($"Errors      {N(report.Errors)}");
        foreach (var sample in report.ErrorSamples.Take(5))
        {
            w.WriteLine($"  {sample}");
        }

        w.WriteLine($"Result      {(report.Success ? "OK" : "FAILED")}");
    }
}
