using System.Diagnostics;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>ingest</c>: starts (or connects to) the API, creates members, warms up, then measures batch ingestion,
/// single-sale ingestion at concurrency N and a raw LiteDB baseline; prints the report and saves it as JSON.
/// </summary>
internal static class IngestCommand
{
    private const int ConsistencySamples = 5;
    private const int WarmupBatches = 10;
    private const int WarmupBatchSize = 1_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        IngestOptions options;
        try
        {
            options = IngestOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(IngestOptions.Usage);
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            Console.WriteLine(IngestOptions.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            var report = await MeasureAsync(options, Console.Out, ct);
            ReportPrinter.Print(report, Console.Out);
            var path = ReportWriter.Write("ingest", report, report.StartedAt);
            Console.WriteLine($"JSON        {path}");
            return report.Success ? ExitCodes.Ok : ExitCodes.Errors;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Errors;
        }
    }

    private static async Task<IngestReport> MeasureAsync(IngestOptions options, TextWriter log, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();

        await using var host = options.ApiUrl is null ? await ApiHost.StartAsync(options.ApiDll, options.Build, log, ct) : null;
        var baseUrl = host?.BaseUrl ?? options.ApiUrl!;
        var apiKey = host?.AdminKey ?? options.ApiKey!;
        using var client = new LoyaltyApiClient(baseUrl, apiKey, maxConnections: Math.Max(options.Concurrency, 2) + 4);

        // Ids are unique per run so that repeated runs against one external API do not collide.
        var runId = "bench" + Guid.NewGuid().ToString("N")[..6];
        var memberIds = Enumerable.Range(1, options.Members).Select(i => $"{runId}-m{i:D6}").ToList();
        var random = new Random();
        var sales = new SaleFactory(runId, memberIds, random.Next());
        var expected = new ExpectedUnits();

        log.WriteLine($"Creating {options.Members:N0} members (run id {runId}) ...");
        var members = await MemberSetup.RunAsync(client, memberIds, options.Concurrency, ct);

        log.WriteLine("Warming up (not counted) ...");
        var warmupErrors = await WarmUpAsync(client, sales, options, expected, ct);

        var batchRuns = new List<BatchRunResult>();
        if (options.BatchSales > 0)
        {
            foreach (var posters in new[] { 1, 2 })
            {
                var batches = sales.PrepareBatches(options.BatchSales, options.BatchSize);
                log.WriteLine($"Batch ingestion: {options.BatchSales:N0} sales in {batches.Count} batches, {posters} poster(s) ...");
                var run = await BatchBenchmark.RunAsync(client, batches, posters, expected, ct);
                log.WriteLine($"  {run.SalesPerSecond:N0} sales/s ({run.Errors} errors)");
                batchRuns.Add(run);
            }
        }

        SingleRunResult? single = null;
        if (options.SingleSales > 0)
        {
            var singles = sales.PrepareSingles(options.SingleSales);
            log.WriteLine($"Single sales: {options.SingleSales:N0} at concurrency {options.Concurrency} ...");
            single = await SingleSaleBenchmark.RunAsync(client, singles, options.Concurrency, expected, ct);
            log.WriteLine($"  {single.SalesPerSecond:N0} sales/s ({single.Errors} errors)");
        }

        var rawCount = options.SingleSales > 0 ? options.SingleSales : 20_000;
        log.WriteLine($"Raw LiteDB: {rawCount:N0} single-document inserts ...");
        var raw = RawLiteDbBenchmark.Run([.. Enumerable.Range(0, rawCount).Select(_ => sales.Next())], ct);
        log.WriteLine($"  {raw.DocsPerSecond:N0} docs/s");

        var consistency = await ConsistencyCheck.RunAsync(client, memberIds, expected, ConsistencySamples, random, ct);

        var best = batchRuns.MaxBy(r => r.SalesPerSecond);
        return new IngestReport
        {
            StartedAt = startedAt,
            TotalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1),
            Machine = MachineInfo.Current(),
            Options = options,
            ApiUrl = baseUrl,
            ApiMode = host is null ? "external (--api-url)" : "child process",
            ApiDll = host?.DllPath,
            Members = members,
            WarmupErrors = warmupErrors,
            BatchRuns = batchRuns,
            BestBatch = best,
            Single = single,
            Raw = raw,
            BatchToRawRatio = Ratio(best?.SalesPerSecond, raw.DocsPerSecond),
            SingleToRawRatio = Ratio(single?.SalesPerSecond, raw.DocsPerSecond),
            Targets =
            [
                new TargetResult("batch", IngestReport.BatchTarget, best?.SalesPerSecond ?? 0),
                new TargetResult("single", IngestReport.SingleTarget, single?.SalesPerSecond ?? 0),
            ],
            Consistency = consistency,
            ApiOutputTail = host?.Output.Snapshot() ?? [],
        };
    }

    /// <summary>Sends uncounted requests (by default 2,000 single sales and 10 batches of 1,000) so JIT, connection pool and storage are warm; returns the error count.</summary>
    private static async Task<int> WarmUpAsync(LoyaltyApiClient client, SaleFactory sales, IngestOptions options, ExpectedUnits expected, CancellationToken ct)
    {
        var errors = 0;
        if (options.Warmup > 0)
        {
            var singles = await SingleSaleBenchmark.RunAsync(client, sales.PrepareSingles(options.Warmup), options.Concurrency, expected, ct);
            errors += singles.Errors;
        }

        if (options.BatchSales > 0)
        {
            var batches = sales.PrepareBatches(WarmupBatches * Math.Min(WarmupBatchSize, options.BatchSize), Math.Min(WarmupBatchSize, options.BatchSize));
            var run = await BatchBenchmark.RunAsync(client, batches, posters: 1, expected, ct);
            errors += run.Errors;
        }

        // Tiered compilation replaces the hot methods in the background after they ran enough; give it a moment
        // so the measured phases see the steady-state code, not the JIT at work.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        return errors;
    }

    private static double? Ratio(double? rate, double rawRate) =>
        rate is { } r && rawRate > 0 ? Math.Round(r / rawRate, 2) : null;
}
