namespace LoyaltyBot.Bench;

/// <summary>Single-sale run: <see cref="Concurrency"/> workers each posting one sale at a time.</summary>
internal sealed record SingleRunResult(
    int Concurrency,
    int Sales,
    int Created,
    int Errors,
    double Seconds,
    double SalesPerSecond,
    LatencySummary Latency,
    IReadOnlyList<string> ErrorSamples);
