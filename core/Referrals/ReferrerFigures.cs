namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// A referrer's funnel (or the whole program's): <see cref="Invited"/> chats arrived through the link,
/// <see cref="Registered"/> of them submitted an application, <see cref="Approved"/> became members,
/// <see cref="Qualified"/> made their first qualifying sale in time; <see cref="BonusPoints"/> paid to the referrer.
/// </summary>
public sealed record ReferrerFigures(int Invited, int Registered, int Approved, int Qualified, decimal BonusPoints)
{
    public static ReferrerFigures None { get; } = new(0, 0, 0, 0, 0m);

    /// <summary>Percent of <paramref name="part"/> in <paramref name="whole"/>, one decimal; 0 for an empty whole.</summary>
    public static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
