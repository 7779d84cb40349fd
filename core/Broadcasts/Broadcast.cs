namespace LoyaltyBot.Core.Broadcasts;

/// <summary>A manager's campaign message to a segment of members, and how far its sending got.</summary>
public sealed record Broadcast
{
    public required string Id { get; init; }

    public required BroadcastText Text { get; init; }

    /// <summary>A PNG or JPEG; the text is then its caption.</summary>
    public byte[]? Image { get; init; }

    public string? ImageName { get; init; }

    public BroadcastLink? Link { get; init; }

    public required BroadcastAudience Audience { get; init; }

    public BroadcastStatus Status { get; init; }

    /// <summary>When sending starts (the creation time for "now").</summary>
    public DateTimeOffset SendAt { get; init; }

    /// <summary>Chat identities the audience had when the campaign was created (the preview figure).</summary>
    public int Recipients { get; init; }

    /// <summary>
    /// Chat identities actually recorded in the outbox when the audience was expanded at send time: queued, or skipped
    /// at once when their channel had no sender in this process.
    /// </summary>
    public int Queued { get; init; }

    /// <summary>Expansion cursor: how many members (ordered by id, created before <see cref="StartedAt"/>) were looked at.</summary>
    public int MembersExpanded { get; init; }

    /// <summary>Set when the whole audience is in the outbox.</summary>
    public DateTimeOffset? ExpandedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>api-key:{id}</c> or <c>chat:{identity}</c>.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The chat identity of the manager who started it from chat: progress and the final report go there.</summary>
    public string? ReportTo { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>How many progress messages were queued to <see cref="ReportTo"/> (the first is sent, the others edit it).</summary>
    public int ProgressMessages { get; init; }

    /// <summary>The number of handled deliveries the last progress message showed.</summary>
    public int ProgressShown { get; init; }

    public DateTimeOffset? ProgressAt { get; init; }

    /// <summary>The outbox topic of the campaign's deliveries.</summary>
    public static string TopicOf(string id) => $"broadcast:{id}";

    /// <summary>The outbox topic of the progress and report messages to the manager (kept out of the counts).</summary>
    public static string ReportTopicOf(string id) => $"broadcast-report:{id}";
}
