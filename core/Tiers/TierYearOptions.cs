namespace LoyaltyBot.Core.Tiers;

/// <summary>Configuration section <c>TierYearStart</c>.</summary>
public sealed class TierYearOptions
{
    public const string Section = "TierYearStart";

    /// <summary>How often the clock looks whether a new program year began; 0 turns it off (tests call the step directly).</summary>
    public int PollSeconds { get; set; } = 3600;
}
