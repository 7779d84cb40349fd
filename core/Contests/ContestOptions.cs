namespace LoyaltyBot.Core.Contests;

/// <summary>Configuration section <c>Contests</c>.</summary>
public sealed class ContestOptions
{
    public const string Section = "Contests";

    /// <summary>The time zone of contests created without one.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";

    /// <summary>Members handled per write transaction when announcing or awarding, so the writer is never held for long.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>A reminder that comes later than this after its scheduled time is skipped, not sent late.</summary>
    public int ReminderStaleAfterMinutes { get; set; } = 15;
}
