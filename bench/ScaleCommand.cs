using System.Diagnostics;
using System.Security.Cryptography;
using LoyaltyBot.Tests.Fakes.Telegram;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>scale</c>: the issue's load figures on a big store. Seeds (or reuses) a LiteDB file with many members and
/// ledger entries, then measures the API started on it (balance reads, /balance webhook, ingestion, RSS, file size)
/// and the same ingestion on an empty store for comparison.
/// </summary>
internal static class ScaleCommand
{
    private const int ConsistencySamples = 5;
    private const int WarmupSingles = 200;
    private const int WarmupBatchSize = 500;
    private static readonly TimeSpan ReadWarmup = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        ScaleOptions options;
        try
        {
            options = ScaleOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(ScaleOptions.Usage);
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            Console.WriteLine(ScaleOptions.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var report = await MeasureAsync(options, Console.Out, ct);
            ScaleReportPrinter.Print(report, Console.Out);
            Console.WriteLine($"JSON        {ReportWriter.Write("scale", report, report.StartedAt)}");
            return report.Success ? ExitCodes.Ok : ExitCodes.Errors;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: {e}");
            return ExitCodes.Errors;
        }
    }

    private static async Task<ScaleReport> MeasureAsync(ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        using var temp = options.Path is null ? TempDirectory.Create("loyaltybot-scale") : null;
        var path = options.Path ?? Path.Combine(temp!.Path, "scale.db");
        var seededHere = false;
        try
        {
            ScaleSeedInfo seed;
            var existing = ScaleSeedInfo.TryRead(path);
            var reused = existing is not null;
            if (existing is not null)
            {
                seed = existing;
                log.WriteLine($"Reusing {path}: {seed.Members:N0} members, {seed.Entries:N0} entries (seeded {seed.SeededAt:yyyy-MM-dd HH:mm}Z in {seed.SeedSeconds:N0} s)");
                if (seed.Members != options.Members || seed.Entries != options.Entries)
                {
                    log.WriteLine($"  note: the file's figures are used, not --members {options.Members:N0} --entries {options.Entries:N0}");
                }

                var opened = await Task.Run(() => ScaleSeeder.Open(path), ct);
                log.WriteLine($"  opened with the product's storage code in {opened.TotalSeconds:N1} s (includes any one-time upgrade of an older file)");
            }
            else if (File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{path} exists but has no {Path.GetFileName(ScaleSeedInfo.PathOf(path))} (an interrupted seed?); delete it or choose another --path.");
            }
            else
            {
                seededHere = true;
                seed = await Task.Factory.StartNew(
                    () => ScaleSeeder.Seed(path, options, log, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                seed.Write(path);
                log.WriteLine($"Seeded in {seed.SeedSeconds:N0} s ({seed.EntriesPerSecond:N0} entries/s); tiers: {string.Join(", ", seed.Tiers.Select(t => $"{t.Key} {t.Value:N0}"))}");
            }

            var fileBefore = FileSizes.Of(path);
            log.WriteLine($"Store size: {fileBefore.TotalMiB:N1} MiB (data {fileBefore.DataBytes / 1048576.0:N1} MiB + log {fileBefore.LogBytes / 1048576.0:N1} MiB)");
            var loadBefore = LoadAverage();
            var report = new ScaleReport
            {
                StartedAt = startedAt,
                TotalSeconds = 0,
                Machine = MachineInfo.Current(),
                LoadAverageBefore = loadBefore,
                LoadAverageAfter = loadBefore,
                Options = options,
                DatabasePath = path,
                Reused = reused,
                Seed = seed,
                FileBefore = fileBefore,
                FileAfter = null,
                ApiDll = null,
                ApiStartSeconds = 0,
                MemoryAfterStart = null,
                MemoryAfterReads = null,
                MemoryAtEnd = null,
                EmptyStoreMemoryAtEnd = null,
                ConsistencyChecked = 0,
                ConsistencyProblems = [],
                Reads = null,
                EmptyReads = null,
                ReadsOneAtATime = null,
                EmptyReadsOneAtATime = null,
                Webhook = null,
                Seeded = null,
                Empty = null,
                BatchRatio = null,
                SingleRatio = null,
                Targets = [],
                ApiOutputTail = [],
            };
            if (!options.SeedOnly)
            {
                var (emptyReads, empty, emptyMemory) = await MeasureEmptyStoreAsync(options, log, ct);
                report = report with
                {
                    EmptyReads = emptyReads.Concurrent,
                    EmptyReadsOneAtATime = emptyReads.Sequential,
                    EmptyReadsPaced = emptyReads.Paced,
                    Empty = empty,
                    EmptyStoreMemoryAtEnd = emptyMemory,
                };
                report = await MeasureSeededStoreAsync(report, path, log, ct);
                report = report with { FileAfter = FileSizes.Of(path), LoadAverageAfter = LoadAverage() };
            }

            return report with { TotalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1), Targets = Targets(report) };
        }
        finally
        {
            if (seededHere && !options.Keep)
            {
                FileSizes.Delete(path);
            }
            else if (seededHere)
            {
                log.WriteLine($"Kept {path}; run again with --path {path} to reuse it.");
            }
        }
    }

    /// <summary>The comparison: the same reads and ingestion on a fresh store with a few members created through the API.</summary>
    private static async Task<((ReadRunResult Concurrent, ReadRunResult Sequential, ReadRunResult Paced) Reads, IngestionFigures Ingestion, ProcessMemory? Memory)> MeasureEmptyStoreAsync(
        ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        log.WriteLine("--- Empty store ---");
        await using var host = await ApiHost.StartAsync(options.ApiDll, options.Build, log, ct);
        using var client = new LoyaltyApiClient(host.BaseUrl, host.AdminKey, maxConnections: Math.Max(options.Concurrency, options.ReadConcurrency) + 4);
        var memberIds = Enumerable.Range(0, options.EmptyMembers).Select(i => $"scale-empty-m{i:D6}").ToArray();
        log.WriteLine($"Creating {memberIds.Length:N0} members ...");
        var members = await MemberSetup.RunAsync(client, memberIds, options.Concurrency, ct);
        if (members.Errors > 0)
        {
            throw new InvalidOperationException($"Creating members failed: {string.Join("; ", members.ErrorSamples.Take(3))}");
        }

        var reads = await MeasureReadsAsync(client, memberIds, options, log, ct);
        var ingestion = await MeasureIngestionAsync(client, memberIds, "empty", options, log, ct);
        var memory = ProcessMemory.Read(host.ProcessId);
        log.WriteLine($"  RSS at end {memory?.RssMiB:N0} MiB, peak {memory?.PeakRssMiB:N0} MiB");
        return (reads, ingestion, memory);
    }

    private static async Task<ScaleReport> MeasureSeededStoreAsync(ScaleReport report, string path, TextWriter log, CancellationToken ct)
    {
        var options = report.Options;
        var seed = report.Seed;
        log.WriteLine($"--- Seeded store: {seed.Members:N0} members, {seed.Entries:N0} entries ---");
        await using var telegram = await FakeTelegramServer.StartAsync(cancellationToken: ct);
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 48);
        var starting = Stopwatch.StartNew();
        await using var host = await ApiHost.StartAsync(options.ApiDll, forceBuild: false, log, ct, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = $"{FakeTelegramServer.BotId}:bench-{RandomNumberGenerator.GetHexString(16)}",
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__Mode"] = "webhook",
            ["Telegram__WebhookSecret"] = secret,
            ["Telegram__WebhookUrl"] = "https://bench.invalid/telegram/webhook",
        }, storagePath: path);
        var startSeconds = starting.Elapsed.TotalSeconds;
        await telegram.WaitForCallAsync("setWebhook", timeout: TimeSpan.FromSeconds(30), cancellationToken: ct);
        var afterStart = ProcessMemory.Read(host.ProcessId);
        log.WriteLine($"  RSS after start {afterStart?.RssMiB:N0} MiB");

        var externalIds = Enumerable.Range(0, seed.Members).Select(ScaleSeedInfo.ExternalIdOf).ToArray();
        using var client = new LoyaltyApiClient(host.BaseUrl, host.AdminKey, maxConnections: Math.Max(options.Concurrency, options.ReadConcurrency) + 4);

        log.WriteLine($"Checking {ConsistencySamples} random members: balance = sum of ledger entries ...");
        using var api = new CrashApi(host.BaseUrl, host.AdminKey);
        var problems = await ScaleConsistency.RunAsync(api, externalIds, ConsistencySamples, new Random(), ct);

        var reads = await MeasureReadsAsync(client, externalIds, options, log, ct);
        var afterReads = ProcessMemory.Read(host.ProcessId);
        var webhook = options.WebhookUpdates > 0 ? await MeasureWebhookAsync(host, telegram, secret, seed, options, log, ct) : null;
        var sellers = Sellers(externalIds, options);
        var placement = sellers.Length == externalIds.Length ? string.Empty : options.IngestAdjacent ? " adjacent" : " spread";
        var seeded = await MeasureIngestionAsync(client, sellers, $"seeded, {sellers.Length:N0}{placement} selling members", options, log, ct);
        var atEnd = ProcessMemory.Read(host.ProcessId);
        log.WriteLine($"  RSS at end {atEnd?.RssMiB:N0} MiB, peak {atEnd?.PeakRssMiB:N0} MiB");

        return report with
        {
            ApiDll = host.DllPath,
            ApiStartSeconds = Math.Round(startSeconds, 1),
            MemoryAfterStart = afterStart,
            MemoryAfterReads = afterReads,
            MemoryAtEnd = atEnd,
            ConsistencyChecked = ConsistencySamples,
            ConsistencyProblems = problems,
            Reads = reads.Concurrent,
            ReadsOneAtATime = reads.Sequential,
            ReadsPaced = reads.Paced,
            Webhook = webhook,
            Seeded = seeded,
            BatchRatio = Ratio(seeded.BestBatch?.SalesPerSecond, report.Empty?.BestBatch?.SalesPerSecond),
            SingleRatio = Ratio(seeded.Single?.SalesPerSecond, report.Empty?.Single?.SalesPerSecond),
            ApiOutputTail = host.Output.Snapshot(),
        };
    }

    /// <summary>
    /// The seeded members the ingestion runs sell for: all of them, or --ingest-members of them spread evenly over the
    /// file (each member's documents on its own pages, as with all members), or with --ingest-adjacent the first ones,
    /// seeded next to each other (their documents share pages, like the empty store's): the two tell the cost of a
    /// big ledger from that of spreading sales over many pages.
    /// </summary>
    private static string[] Sellers(string[] externalIds, ScaleOptions options)
    {
        if (options.IngestMembers is not (> 0 and var n) || n >= externalIds.Length)
        {
            return externalIds;
        }

        return options.IngestAdjacent
            ? externalIds[..n]
            : [.. Enumerable.Range(0, n).Select(i => externalIds[(int)((long)i * externalIds.Length / n)])];
    }

    /// <summary>
    /// Reads at the configured concurrency (the machine's saturation: on a small shared machine this mostly measures
    /// queueing for the cores), then one at a time for half as long (the read itself), then open loop at --read-rate
    /// for --read-seconds (the figure the target applies to: latency under a steady load below saturation).
    /// </summary>
    private static async Task<(ReadRunResult Concurrent, ReadRunResult Sequential, ReadRunResult Paced)> MeasureReadsAsync(
        LoyaltyApiClient client, IReadOnlyList<string> externalIds, ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        log.WriteLine($"Balance reads: {ReadWarmup.TotalSeconds:F0} s warm-up, then {options.ReadSeconds} s at concurrency {options.ReadConcurrency}, {Math.Max(1, options.ReadSeconds / 2)} s one at a time, {options.ReadSeconds} s paced at {options.ReadRate:N0}/s ...");
        await BalanceReadBenchmark.RunAsync(client, externalIds, options.ReadConcurrency, ReadWarmup, seed: 1, ct);
        var reads = await BalanceReadBenchmark.RunAsync(client, externalIds, options.ReadConcurrency, TimeSpan.FromSeconds(options.ReadSeconds), seed: 1000, ct);
        log.WriteLine($"  {reads.RequestsPerSecond:N0} reads/s, p50 {reads.Latency.P50Ms:F2} ms, p99 {reads.Latency.P99Ms:F2} ms ({reads.Errors} errors)");
        var sequential = await BalanceReadBenchmark.RunAsync(client, externalIds, 1, TimeSpan.FromSeconds(Math.Max(1, options.ReadSeconds / 2)), seed: 2000, ct);
        log.WriteLine($"  one at a time: {sequential.RequestsPerSecond:N0} reads/s, p50 {sequential.Latency.P50Ms:F2} ms, p99 {sequential.Latency.P99Ms:F2} ms ({sequential.Errors} errors)");
        var paced = await BalanceReadBenchmark.RunPacedAsync(client, externalIds, options.ReadRate, TimeSpan.FromSeconds(options.ReadSeconds), seed: 3000, ct);
        log.WriteLine($"  paced at {options.ReadRate:N0}/s: {paced.RequestsPerSecond:N0} reads/s, p50 {paced.Latency.P50Ms:F2} ms, p99 {paced.Latency.P99Ms:F2} ms ({paced.Errors} errors)");
        return (reads, sequential, paced);
    }

    /// <summary>/balance from the Telegram users the seed linked to members: one uncounted update per user, then the measured ones.</summary>
    private static async Task<WebhookFigures> MeasureWebhookAsync(
        ApiHost host, FakeTelegramServer telegram, string secret, ScaleSeedInfo seed, ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        using var client = new WebhookClient(host.BaseUrl, host.AdminKey, secret, options.WebhookConcurrency + 4);

        // Update ids are remembered in the store; a reused file must not see an id again.
        var firstId = Random.Shared.Next(1, 1_000_000_000);
        var warmup = Enumerable.Range(0, seed.LinkedUsers).Select(u => WebhookClient.TextUpdate(firstId + u, u, "/balance")).ToArray();
        log.WriteLine($"Webhook: {warmup.Length} /balance warm-up updates, then {options.WebhookUpdates:N0} at concurrency {options.WebhookConcurrency} ...");
        var (_, _, warmupErrors) = await WebhookCommand.PostAllAsync(client, warmup, options.WebhookConcurrency, ct);
        var before = await WebhookCommand.SettledCountAsync(telegram, ct);

        var updates = Enumerable.Range(0, options.WebhookUpdates)
            .Select(i => WebhookClient.TextUpdate(firstId + seed.LinkedUsers + i, i % seed.LinkedUsers, "/balance"))
            .ToArray();
        var (seconds, latencies, errors) = await WebhookCommand.PostAllAsync(client, updates, options.WebhookConcurrency, ct);
        var replies = await WebhookCommand.SettledCountAsync(telegram, ct) - before;
        var latency = LatencySummary.From(latencies);
        log.WriteLine($"  {updates.Length / seconds:N0} updates/s, p50 {latency.P50Ms:F1} ms, p99 {latency.P99Ms:F1} ms, {replies:N0} replies ({errors.Count + warmupErrors.Count} errors)");
        return new WebhookFigures(
            Users: seed.LinkedUsers,
            Updates: updates.Length,
            Concurrency: options.WebhookConcurrency,
            Seconds: Math.Round(seconds, 2),
            UpdatesPerSecond: Math.Round(updates.Length / seconds, 1),
            Latency: latency,
            Errors: errors.Count + warmupErrors.Count,
            Replies: replies,
            ErrorSamples: [.. warmupErrors.Samples, .. errors.Samples]);
    }

    /// <summary>The <c>ingest</c> command's measurements: warm-up, batches with 1 and 2 posters (best counts), then single sales.</summary>
    private static async Task<IngestionFigures> MeasureIngestionAsync(
        LoyaltyApiClient client, IReadOnlyList<string> memberIds, string store, ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        var runId = "scale" + Guid.NewGuid().ToString("N")[..6];
        var sales = new SaleFactory(runId, memberIds, Random.Shared.Next());
        var expected = new ExpectedUnits();

        log.WriteLine($"Ingestion ({store} store): warm-up ...");
        var warmupErrors = (await SingleSaleBenchmark.RunAsync(client, sales.PrepareSingles(WarmupSingles), options.Concurrency, expected, ct)).Errors;
        if (options.BatchSales > 0)
        {
            var size = Math.Min(WarmupBatchSize, options.BatchSize);
            warmupErrors += (await BatchBenchmark.RunAsync(client, sales.PrepareBatches(2 * size, size), posters: 1, expected, ct)).Errors;
        }

        var batchRuns = new List<BatchRunResult>();
        if (options.BatchSales > 0)
        {
            foreach (var posters in new[] { 1, 2 })
            {
                var run = await BatchBenchmark.RunAsync(client, sales.PrepareBatches(options.BatchSales, options.BatchSize), posters, expected, ct);
                log.WriteLine($"  batch, {posters} poster(s): {run.SalesPerSecond:N0} sales/s ({run.Errors} errors)");
                batchRuns.Add(run);
            }
        }

        SingleRunResult? single = null;
        if (options.SingleSales > 0)
        {
            single = await SingleSaleBenchmark.RunAsync(client, sales.PrepareSingles(options.SingleSales), options.Concurrency, expected, ct);
            log.WriteLine($"  single, concurrency {options.Concurrency}: {single.SalesPerSecond:N0} sales/s, p99 {single.Latency.P99Ms:F0} ms ({single.Errors} errors)");
        }

        return new IngestionFigures(store, warmupErrors, batchRuns, batchRuns.MaxBy(r => r.SalesPerSecond), single);
    }

    private static IReadOnlyList<TargetResult> Targets(ScaleReport report)
    {
        var targets = new List<TargetResult>();
        if (report.ReadsPaced is { } reads)
        {
            targets.Add(new TargetResult($"read p99 at {report.Options.ReadRate}/s, ms", ScaleReport.ReadP99TargetMs, reads.Latency.P99Ms, AtMost: true));
        }

        if (report.MemoryAtEnd is { } memory)
        {
            targets.Add(new TargetResult("API peak RSS, MiB", ScaleReport.RssTargetMiB, memory.PeakRssMiB, AtMost: true));
        }

        if (report.BatchRatio is { } batch)
        {
            targets.Add(new TargetResult("batch rate seeded/empty", ScaleReport.IngestionRatioTarget, batch));
        }

        if (report.SingleRatio is { } single)
        {
            targets.Add(new TargetResult("single rate seeded/empty", ScaleReport.IngestionRatioTarget, single));
        }

        return targets;
    }

    private static double? Ratio(double? rate, double? baseline) =>
        rate is { } r && baseline is { } b && b > 0 ? Math.Round(r / b, 2) : null;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
