namespace LoyaltyBot.Bench;

/// <summary>Result of the <c>scale</c> command; saved as JSON.</summary>
internal sealed record ScaleReport
{
    public const double ReadP99TargetMs = 5;
    public const double RssTargetMiB = 500;

    /// <summary>Seeded-store ingestion must reach this share of the empty-store rate ("within 20 %").</summary>
    public const double IngestionRatioTarget = 0.8;

    public required DateTimeOffset StartedAt { get; init; }
    public required double TotalSeconds { get; init; }
    public required MachineInfo Machine { get; init; }

    /// <summary><c>/proc/loadavg</c> when the measurements started and when they ended.</summary>
    public required string LoadAverageBefore { get; init; }
    public required string LoadAverageAfter { get; init; }

    public required ScaleOptions Options { get; init; }
    public required string DatabasePath { get; init; }

    /// <summary>True when an already seeded file was reused (no seeding in this run).</summary>
    public required bool Reused { get; init; }
    public required ScaleSeedInfo Seed { get; init; }

    /// <summary>Data + log file before the API opened the store, and after all measurements.</summary>
    public required FileSizes FileBefore { get; init; }
    public required FileSizes? FileAfter { get; init; }

    public required string? ApiDll { get; init; }
    public required double ApiStartSeconds { get; init; }
    public required ProcessMemory? MemoryAfterStart { get; init; }
    public required ProcessMemory? MemoryAfterReads { get; init; }

    /// <summary>After every measurement on the seeded store; PeakRssMiB is the high-water mark of the whole run.</summary>
    public required ProcessMemory? MemoryAtEnd { get; init; }

    /// <summary>The empty-store API after the same reads and ingestion: what the run costs without a big store.</summary>
    public required ProcessMemory? EmptyStoreMemoryAtEnd { get; init; }

    public required int ConsistencyChecked { get; init; }
    public required IReadOnlyList<string> ConsistencyProblems { get; init; }

    public required ReadRunResult? Reads { get; init; }
    public required ReadRunResult? EmptyReads { get; init; }

    /// <summary>The same reads from one client at a time: latency without queueing for the machine's cores.</summary>
    public required ReadRunResult? ReadsOneAtATime { get; init; }
    public required ReadRunResult? EmptyReadsOneAtATime { get; init; }

    /// <summary>Reads sent at a steady rate (open loop): the figure the read target applies to.</summary>
    public ReadRunResult? ReadsPaced { get; init; }
    public ReadRunResult? EmptyReadsPaced { get; init; }
    public required WebhookFigures? Webhook { get; init; }
    public required IngestionFigures? Seeded { get; init; }
    public required IngestionFigures? Empty { get; init; }
    public required double? BatchRatio { get; init; }
    public required double? SingleRatio { get; init; }
    public required IReadOnlyList<TargetResult> Targets { get; init; }
    public required IReadOnlyList<string> ApiOutputTail { get; init; }

    public int TotalErrors =>
        (Reads?.Errors ?? 0) + (EmptyReads?.Errors ?? 0) + (ReadsPaced?.Errors ?? 0) + (EmptyReadsPaced?.Errors ?? 0) + (ReadsOneAtATime?.Errors ?? 0) + (EmptyReadsOneAtATime?.Errors ?? 0) + (Webhook is { } w ? w.Errors + Math.Abs(w.Updates - w.Replies) : 0)
        + (Seeded?.Errors ?? 0) + (Empty?.Errors ?? 0) + ConsistencyProblems.Count;

    public bool Success => TotalErrors == 0;
}
