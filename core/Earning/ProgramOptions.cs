namespace LoyaltyBot.Core.Earning;

/// <summary>Configuration section <c>Program</c>: earning brackets, tiers and the program year.</summary>
public sealed class ProgramOptions
{
    public const string Section = "Program";

    /// <summary>IANA or Windows time zone id used to cut program years.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>First month of the program year (1 = calendar year).</summary>
    public int YearStartMonth { get; set; } = 1;

    /// <summary>Earning brackets; null keeps the default (1 / 1.5 / 2 points per unit from units 1 / 1001 / 5001).</summary>
    public EarningBracket[]? Brackets { get; set; }

    /// <summary>Tiers; null keeps the default (Bronze 0, Silver 1001, Gold 5001, Platinum 20001 units).</summary>
    public TierDefinition[]? Tiers { get; set; }

    public EarningRule CreateEarningRule() => Brackets is { Length: > 0 } b ? new EarningRule(b) : EarningRule.Default;

    public TierLadder CreateTierLadder() => Tiers is { Length: > 0 } t ? new TierLadder(t) : TierLadder.Default;

    public ProgramCalendar CreateCalendar() => new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), YearStartMonth);
}
