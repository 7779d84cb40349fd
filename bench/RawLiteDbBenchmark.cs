using System.Diagnostics;
using LiteDB;

namespace LoyaltyBot.Bench;

/// <summary>
/// Baseline for the storage engine alone: in a fresh Direct-mode LiteDB file, one <c>collection.Insert(doc)</c>
/// per sale, each its own auto-commit. No HTTP, no business logic.
/// </summary>
internal static class RawLiteDbBenchmark
{
    public static RawRunResult Run(IReadOnlyList<SaleRequest> sales, CancellationToken ct)
    {
        using var temp = TempDirectory.Create("loyaltybot-bench-raw");
        var file = Path.Combine(temp.Path, "raw.db");
        var documents = sales.Select(ToDocument).ToArray();

        double seconds;
        using (var db = new LiteDatabase($"Filename={file};Connection=Direct"))
        {
            var collection = db.GetCollection("sales");
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < documents.Length; i++)
            {
                if (i % 100 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                collection.Insert(documents[i]);
            }

            seconds = stopwatch.Elapsed.TotalSeconds;
        }

        var bytes = Directory.EnumerateFiles(temp.Path).Sum(f => new FileInfo(f).Length);
        return new RawRunResult(documents.Length, Math.Round(seconds, 3), seconds > 0 ? Math.Round(documents.Length / seconds, 1) : 0, bytes);
    }

    private static BsonDocument ToDocument(SaleRequest sale) => new()
    {
        ["_id"] = sale.Id,
        ["member"] = sale.MemberExternalId,
        ["sku"] = sale.Sku,
        ["units"] = sale.Units,
        ["occurredAt"] = sale.OccurredAt.UtcDateTime,
    };
}
