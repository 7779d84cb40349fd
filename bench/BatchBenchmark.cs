using System.Diagnostics;
using System.Net;

namespace LoyaltyBot.Bench;

/// <summary>
/// Posts pre-built batches to <c>POST /api/v1/sales/batch</c> from <c>posters</c> concurrent loops; every result must be "created".
/// Rate = created sales / wall time.
/// </summary>
internal static class BatchBenchmark
{
    public static async Task<BatchRunResult> RunAsync(
        LoyaltyApiClient client, IReadOnlyList<PreparedBatch> batches, int posters, ExpectedUnits expected, CancellationToken ct)
    {
        var responses = new (HttpStatusCode Status, BatchResponse? Body, double LatencyMs, string? Error)[batches.Count];
        var next = -1;

        var stopwatch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, posters).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < batches.Count)
                {
                    try
                    {
                        responses[i] = await client.PostBatchAsync(batches[i].Payload, ct);
                    }
                    catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, ct))
                    {
                        responses[i] = (0, null, 0, e.Message);
                    }
                }
            },
            ct));
        await Task.WhenAll(loops);
        stopwatch.Stop();

        var errors = new ErrorLog();
        var created = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            created += Verify(batches[i], responses[i].Status, responses[i].Body, responses[i].Error, errors, expected);
        }

        var sales = batches.Sum(b => b.Sales.Count);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new BatchRunResult(
            Mode: posters == 1 ? "sequential" : $"{posters} concurrent posters",
            Posters: posters,
            BatchSize: batches.Count == 0 ? 0 : batches.Max(b => b.Sales.Count),
            Batches: batches.Count,
            Sales: sales,
            Created: created,
            Errors: errors.Count,
            Seconds: Math.Round(seconds, 3),
            SalesPerSecond: seconds > 0 ? Math.Round(created / seconds, 1) : 0,
            BatchLatency: LatencySummary.From(responses.Where(r => r.Status != 0).Select(r => r.LatencyMs)),
            ErrorSamples: errors.Samples);
    }

    /// <summary>Checks one batch response; returns how many sales were created and logs everything else as errors.</summary>
    private static int Verify(PreparedBatch batch, HttpStatusCode status, BatchResponse? body, string? error, ErrorLog errors, ExpectedUnits expected)
    {
        if (status != HttpStatusCode.OK || body?.Results is null)
        {
            var what = status == 0 ? "request failed" : $"HTTP {(int)status}";
            errors.Add($"batch of {batch.Sales.Count}: {what} {error}".TrimEnd(), batch.Sales.Count);
            return 0;
        }

        var byId = new Dictionary<string, BatchResultItem>(body.Results.Count);
        foreach (var item in body.Results)
        {
            if (item.Id is not null)
            {
                byId[item.Id] = item;
            }
        }

        var created = 0;
        foreach (var sale in batch.Sales)
        {
            if (!byId.TryGetValue(sale.Id, out var item))
            {
                errors.Add($"sale {sale.Id}: missing from batch results");
            }
            else if (item.Status == "created")
            {
                created++;
                expected.Add(sale);
            }
            else
            {
                errors.Add($"sale {sale.Id}: status '{item.Status}' {item.ErrorText}".TrimEnd());
            }
        }

        return created;
    }
}
