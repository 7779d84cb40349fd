namespace LoyaltyBot.Core.Joining;

/// <summary>Configuration section <c>Joining</c>.</summary>
public sealed class JoinOptions
{
    public const string Section = "Joining";

    public int CodeLifetimeDays { get; set; } = 14;

    /// <summary>Wrong codes allowed per chat identity in a rolling hour.</summary>
    public int MaxFailuresPerHour { get; set; } = 5;
}
