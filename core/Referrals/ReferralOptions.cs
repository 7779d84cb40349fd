namespace LoyaltyBot.Core.Referrals;

/// <summary>Configuration section <c>Referrals</c>: the bonuses, their window and cap, approval and the region list.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>Region buttons of the registration dialog when <see cref="Regions"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultRegions =
    [
        "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Нижний Новгород",
        "Киев", "Харьков", "Одесса", "Днепр", "Львов", "Другой регион",
    ];

    /// <summary>Points for the referrer when the referee's first qualifying sale arrives within the window.</summary>
    public decimal ReferrerBonus { get; set; } = 500m;

    /// <summary>Points for the referee when their application is approved; 0 turns it off.</summary>
    public decimal RefereeWelcomeBonus { get; set; } = 100m;

    /// <summary>Days after approval in which the referee's first qualifying sale must have occurred.</summary>
    public int QualifyingWindowDays { get; set; } = 90;

    /// <summary>Units a sale must have to qualify; 1 means any sale.</summary>
    public long QualifyingMinUnits { get; set; } = 1;

    /// <summary>Referrer bonuses paid to one referrer per calendar month (program time zone); 0 or less means no cap.</summary>
    public int MonthlyCapPerReferrer { get; set; } = 20;

    /// <summary>Approve applications as soon as they are submitted (the external id is assigned).</summary>
    public bool AutoApprove { get; set; }

    /// <summary>
    /// The regions a newcomer picks from. Null (not a default list) so that configuring it replaces the defaults:
    /// the configuration binder would append to a pre-filled list.
    /// </summary>
    public string[]? Regions { get; set; }

    public IReadOnlyList<string> EffectiveRegions =>
        Regions?.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } configured
            ? configured
            : DefaultRegions;
}
