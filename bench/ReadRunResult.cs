namespace LoyaltyBot.Bench;

/// <summary>A timed run of balance reads (<c>GET /api/v1/members/{externalId}</c>).</summary>
internal sealed record ReadRunResult(
    int Concurrency,
    int Requests,
    int Errors,
    double Seconds,
    double RequestsPerSecond,
    LatencySummary Latency,
    IReadOnlyList<string> ErrorSamples,
    int? Rate = null);
