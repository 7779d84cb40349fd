using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>concurrency</c> workers each GET <c>/api/v1/members/{externalId}</c> for random members, one request at a time,
/// until the time is up; every answer must be 200. Latency is from send to the parsed body.
/// </summary>
internal static class BalanceReadBenchmark
{
    public static async Task<ReadRunResult> RunAsync(
        LoyaltyApiClient client, IReadOnlyList<string> externalIds, int concurrency, TimeSpan duration, int seed, CancellationToken ct)
    {
        var errors = new ErrorLog();
        var perWorker = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(
            async () =>
            {
                var random = new Random(seed + worker);
                var latencies = perWorker[worker] = new List<double>(4096);
                while (stopwatch.Elapsed < duration)
                {
                    var id = externalIds[random.Next(externalIds.Count)];
                    await ReadOneAsync(client, id, latencies.Add, errors, ct);
                }
            },
            ct)).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();

        var all = perWorker.SelectMany(l => l).ToList();
        return Result(concurrency, all, errors, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Open loop, as independent users arrive: read i is sent at start + i/rate whether or not earlier ones were answered
    /// (like the webhook command's paced run), so a slow answer shows as latency instead of slowing the sender down.
    /// </summary>
    public static async Task<ReadRunResult> RunPacedAsync(
        LoyaltyApiClient client, IReadOnlyList<string> externalIds, int rate, TimeSpan duration, int seed, CancellationToken ct)
    {
        var errors = new ErrorLog();
        var latencies = new ConcurrentBag<double>();
        var random = new Random(seed);
        var count = (int)(duration.TotalSeconds * rate);
        var reads = new List<Task>(count);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var planned = TimeSpan.FromSeconds((double)i / rate);
            var wait = planned - stopwatch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var id = externalIds[random.Next(externalIds.Count)];
            reads.Add(Task.Run(() => ReadOneAsync(client, id, latencies.Add, errors, ct), ct));
        }

        await Task.WhenAll(reads);
        stopwatch.Stop();
        return Result(0, [.. latencies], errors, stopwatch.Elapsed.TotalSeconds) with { Rate = rate };
    }

    /// <summary>One GET; its latency (send to parsed body) goes to <paramref name="record"/>, anything but 200 to the errors.</summary>
    private static async Task ReadOneAsync(LoyaltyApiClient client, string id, Action<double> record, ErrorLog errors, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (status, _, error) = await client.GetMemberAsync(id, ct);
            record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (status != HttpStatusCode.OK)
            {
                errors.Add($"GET /api/v1/members/{id}: HTTP {(int)status} {error}".TrimEnd());
            }
        }
        catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, ct))
        {
            errors.Add($"GET /api/v1/members/{id}: {e.Message}");
        }
    }

    private static ReadRunResult Result(int concurrency, List<double> all, ErrorLog errors, double seconds)
    {
        return new ReadRunResult(
            Concurrency: concurrency,
            Requests: all.Count,
            Errors: errors.Count,
            Seconds: Math.Round(seconds, 2),
            RequestsPerSecond: Math.Round(all.Count / seconds, 1),
            Latency: LatencySummary.From(all),
            ErrorSamples: errors.Samples);
    }
}
