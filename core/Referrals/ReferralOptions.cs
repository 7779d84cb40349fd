using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Referrals;

/// <summary>Configuration section <c>Referrals</c>: the bonuses, their window and cap, approval and the region list.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>
    /// The built-in regions, as resource texts <c>Referrals.Region.{key}</c> in each language; their Russian names are
    /// what is stored, so those must not change.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultRegionKeys =
    [
        "Moscow", "SaintPetersburg", "Novosibirsk", "Yekaterinburg", "Kazan", "NizhnyNovgorod",
        "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Other",
    ];

    /// <summary>Region buttons of the registration dialog when <see cref="Regions"/> is not configured: the Russian names.</summary>
    public static readonly IReadOnlyList<string> DefaultRegions =
        DefaultRegionKeys.Select(key => Texts.For(Languages.Russian)[ResourceKeyOf(key)]).ToArray();

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

    /// <summary>
    /// How configured regions read in other languages: <c>Referrals:RegionNames:{region}:{uk|en}</c>. Built-in regions
    /// (by their Russian name) need none; a region without a name for a language is shown as configured.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>>? RegionNames { get; set; }

    public static string ResourceKeyOf(string regionKey) => $"Referrals.Region.{regionKey}";

    public IReadOnlyList<string> EffectiveRegions =>
        Regions?.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } configured
            ? configured
            : DefaultRegions;
}
