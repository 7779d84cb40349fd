using System.Diagnostics;
using System.Net;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>concurrency</c> workers share one HttpClient and each POST <c>/api/v1/sales</c> one sale at a time until all are sent.
/// Every response must be 201. Rate = created sales / wall time; latency covers every answered request.
/// </summary>
internal static class SingleSaleBenchmark
{
    public static async Task<SingleRunResult> RunAsync(
        LoyaltyApiClient client, IReadOnlyList<PreparedSale> sales, int concurrency, ExpectedUnits expected, CancellationToken ct)
    {
        var statuses = new HttpStatusCode[sales.Count];
        var latencies = new double[sales.Count];
        var errors = new ErrorLog();
        var next = -1;

        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < sales.Count)
                {
                    try
                    {
                        var (status, latency, error) = await client.PostSaleAsync(sales[i].Payload, ct);
                        statuses[i] = status;
                        latencies[i] = latency;
                        if (status != HttpStatusCode.Created)
                        {
                            errors.Add($"sale {sales[i].Sale.Id}: HTTP {(int)status} {error}".TrimEnd());
                        }
                    }
                    catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, ct))
                    {
                        errors.Add($"sale {sales[i].Sale.Id}: {e.Message}");
                    }
                }
            },
            ct));
        await Task.WhenAll(workers);
        stopwatch.Stop();

        var created = 0;
        for (var i = 0; i < sales.Count; i++)
        {
            if (statuses[i] == HttpStatusCode.Created)
            {
                created++;
                expected.Add(sales[i].Sale);
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new SingleRunResult(
            Concurrency: concurrency,
            Sales: sales.Count,
            Created: created,
            Errors: errors.Count,
            Seconds: Math.Round(seconds, 3),
            SalesPerSecond: seconds > 0 ? Math.Round(created / seconds, 1) : 0,
            Latency: LatencySummary.From(latencies.Where((_, i) => statuses[i] != 0)),
            ErrorSamples: errors.Samples);
    }
}
