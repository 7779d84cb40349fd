namespace LoyaltyBot.Core.Contests;

/// <summary>
/// The prize for one place: points and/or a reward from the catalog (checked to exist when the contest is written, and
/// kept from deletion while the contest needs it: <see cref="ContestPrizeReferences"/>).
/// Only points are paid; <see cref="RewardId"/> is kept on the award, and the winner is told a manager hands it over.
/// </summary>
public sealed record ContestPrize
{
    /// <summary>1 for the winner; prizes cover places 1..N without gaps.</summary>
    public int Place { get; init; }

    public decimal Points { get; init; }

    public string? RewardId { get; init; }
}
