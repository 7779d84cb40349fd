namespace LoyaltyBot.Bench;

/// <summary>Result of the <c>webhook</c> command; saved as JSON.</summary>
internal sealed record WebhookReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required double TotalSeconds { get; init; }
    public required MachineInfo Machine { get; init; }
    public required WebhookOptions Options { get; init; }
    public required string? ApiDll { get; init; }

    /// <summary>Users whose <c>/start join_&lt;code&gt;</c> was answered (warm-up, not measured).</summary>
    public required int JoinedUsers { get; init; }
    public required int JoinErrors { get; init; }

    public required int Updates { get; init; }
    public required double Seconds { get; init; }
    public required double UpdatesPerSecond { get; init; }

    /// <summary>Time of one webhook call, from POST to 200; the reply was already sent to the fake Bot API by then.</summary>
    public required LatencySummary Latency { get; init; }
    public required int Errors { get; init; }

    /// <summary>sendMessage calls the fake received for the measured updates: one per update when nothing was lost.</summary>
    public required int Replies { get; init; }

    /// <summary>Replies caused by re-posting already handled updates: 0 when duplicates are ignored.</summary>
    public required int RepliesToReplays { get; init; }

    /// <summary>The paced run: <see cref="WebhookOptions.Rate"/> updates/s on a fixed schedule (open loop).</summary>
    public required int PacedUpdates { get; init; }
    public required double PacedSeconds { get; init; }
    public required LatencySummary? PacedLatency { get; init; }
    public required int PacedReplies { get; init; }

    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public required IReadOnlyList<string> ApiOutputTail { get; init; }

    public bool Success => Errors == 0 && JoinErrors == 0 && Replies == Updates && RepliesToReplays == 0 && PacedReplies == PacedUpdates;
}
