namespace LoyaltyBot.Bench;

/// <summary>Batch and single-sale ingestion on one store (seeded or empty).</summary>
internal sealed record IngestionFigures(
    string Store,
    int WarmupErrors,
    IReadOnlyList<BatchRunResult> BatchRuns,
    BatchRunResult? BestBatch,
    SingleRunResult? Single)
{
    public int Errors => WarmupErrors + BatchRuns.Sum(r => r.Errors) + (Single?.Errors ?? 0);
}
