namespace LoyaltyBot.Bench;

/// <summary>One batch-ingestion run: <see cref="Posters"/> concurrent posters sending pre-built batches.</summary>
internal sealed record BatchRunResult(
    string Mode,
    int Posters,
    int BatchSize,
    int Batches,
    int Sales,
    int Created,
    int Errors,
    double Seconds,
    double SalesPerSecond,
    LatencySummary BatchLatency,
    IReadOnlyList<string> ErrorSamples);
