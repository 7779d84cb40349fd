namespace LoyaltyBot.Bench;

/// <summary>Generates random sales with run-unique ids for random members; units 1-20, occurredAt = now.</summary>
internal sealed class SaleFactory(string runId, IReadOnlyList<string> memberIds, int seed)
{
    private static readonly string[] Skus = [.. Enumerable.Range(1, 50).Select(i => $"BENCH-SKU-{i:D3}")];
    private readonly Random _random = new(seed);
    private long _sequence;

    public SaleRequest Next() => new(
        Id: $"{runId}-s{++_sequence:D8}",
        MemberExternalId: memberIds[_random.Next(memberIds.Count)],
        Sku: Skus[_random.Next(Skus.Length)],
        Units: _random.Next(1, 21),
        OccurredAt: DateTimeOffset.UtcNow);

    /// <summary>Pre-serialized single sales.</summary>
    public List<PreparedSale> PrepareSingles(int count)
    {
        var sales = new List<PreparedSale>(count);
        for (var i = 0; i < count; i++)
        {
            var sale = Next();
            sales.Add(new PreparedSale(sale, BenchJson.Serialize(sale)));
        }

        return sales;
    }

    /// <summary>Pre-serialized batches holding <paramref name="totalSales"/> sales, <paramref name="batchSize"/> per batch (last may be smaller).</summary>
    public List<PreparedBatch> PrepareBatches(int totalSales, int batchSize)
    {
        var batches = new List<PreparedBatch>();
        for (var remaining = totalSales; remaining > 0; remaining -= batchSize)
        {
            var sales = new SaleRequest[Math.Min(batchSize, remaining)];
            for (var i = 0; i < sales.Length; i++)
            {
                sales[i] = Next();
            }

            batches.Add(new PreparedBatch(sales, BenchJson.Serialize(new BatchRequest(sales))));
        }

        return batches;
    }
}
