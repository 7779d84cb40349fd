namespace LoyaltyBot.Core.Expiry;

/// <summary>Configuration section <c>Expiry</c>.</summary>
public sealed class ExpiryOptions
{
    public const string Section = "Expiry";

    public ExpiryMode Mode { get; set; } = ExpiryMode.Never;

    /// <summary>Lifetime of earned points for <see cref="ExpiryMode.MonthsAfterEarning"/>.</summary>
    public int Months { get; set; } = 12;

    /// <summary>How many days before expiry the member is warned.</summary>
    public int WarningDays { get; set; } = 30;

    /// <summary>How often the expiry clock runs; 0 turns it off (tests call the step directly).</summary>
    public int PollSeconds { get; set; } = 3600;
}
