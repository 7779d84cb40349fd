using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>Everything the <c>ingest</c> command measured; printed to the console and saved as JSON.</summary>
internal sealed record IngestReport
{
    public const double BatchTarget = 10_000;
    public const double SingleTarget = 2_000;

    public string Command { get; init; } = "ingest";
    public required DateTimeOffset StartedAt { get; init; }
    public required double TotalSeconds { get; init; }
    public required MachineInfo Machine { get; init; }
    public required IngestOptions Options { get; init; }
    public required string ApiUrl { get; init; }

    /// <summary>"child process" or "external (--api-url)".</summary>
    public required string ApiMode { get; init; }

    public string? ApiDll { get; init; }
    public required MemberSetupResult Members { get; init; }
    public required int WarmupErrors { get; init; }
    public required IReadOnlyList<BatchRunResult> BatchRuns { get; init; }
    [JsonIgnore]
    public BatchRunResult? BestBatch { get; init; }

    /// <summary>Mode of the fastest batch run (e.g. "sequential", "2 concurrent posters").</summary>
    public string? BestBatchMode => BestBatch?.Mode;

    public double? BestBatchSalesPerSecond => BestBatch?.SalesPerSecond;
    public SingleRunResult? Single { get; init; }
    public required RawRunResult Raw { get; init; }
    public double? BatchToRawRatio { get; init; }
    public double? SingleToRawRatio { get; init; }
    public required IReadOnlyList<TargetResult> Targets { get; init; }
    public required IReadOnlyList<MemberCheckResult> Consistency { get; init; }
    public IReadOnlyList<string> ApiOutputTail { get; init; } = [];

    /// <summary>Failed requests and non-"created" results of every phase, plus non-200 consistency checks.</summary>
    public int TotalErrors =>
        Members.Errors + WarmupErrors + BatchRuns.Sum(r => r.Errors) + (Single?.Errors ?? 0) + Consistency.Count(c => !c.Ok);

    public bool Success => TotalErrors == 0;
}
