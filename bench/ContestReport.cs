namespace LoyaltyBot.Bench;

/// <summary>Result of the <c>contest</c> command; saved as JSON.</summary>
internal sealed record ContestReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required double TotalSeconds { get; init; }
    public required MachineInfo Machine { get; init; }
    public required ContestBenchOptions Options { get; init; }

    public required double SeedSeconds { get; init; }
    public required double SalesPerSecond { get; init; }
    public required int SalesRecorded { get; init; }
    public required int SaleErrors { get; init; }

    /// <summary>Members on the leaderboard after seeding; must equal the participants.</summary>
    public required int LeaderboardParticipants { get; init; }

    /// <summary>Sum of the leaderboard's scores and of the points the recorded sales earned; equal when nothing was lost.</summary>
    public required decimal LeaderboardTotal { get; init; }
    public required decimal PointsEarned { get; init; }

    /// <summary>The first <c>/top</c> after seeding, which loads and sorts the standings into the cache.</summary>
    public required double FirstTopMs { get; init; }

    /// <summary><c>/top</c> through the conversation engine with no writes going on.</summary>
    public required LatencySummary Top { get; init; }

    /// <summary><c>/top</c> while sales keep being recorded (each one moves the standings).</summary>
    public required LatencySummary TopWhileSelling { get; init; }
    public required int SalesDuringLiveRun { get; init; }

    public required int BadReplies { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public required string SampleReply { get; init; }

    public const double TargetP99Ms = 20;

    public bool Consistent => LeaderboardParticipants == Options.Participants && LeaderboardTotal == PointsEarned && SaleErrors == 0 && BadReplies == 0;
}
