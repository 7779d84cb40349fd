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
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var (status, _, error) = await client.GetMemberAsync(id, ct);
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
            },
            ct)).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();

        var all = perWorker.SelectMany(l => l).ToList();
        var seconds = stopwatch.Elapsed.TotalSeconds;
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
