namespace LoyaltyBot.Core.Contests;

/// <summary>
/// What one member sees of a contest's standings: the top rows, their own row (null without a score yet) and how far
/// they are from the place they should aim for (null for the leader, or when nobody has scored).
/// </summary>
public sealed record ContestStandings(Contest Contest, int Participants, IReadOnlyList<StandingLine> Top, StandingLine? Me, PlaceGap? Gap)
{
    /// <summary>Whether the member's own row is already among <see cref="Top"/>.</summary>
    public bool MeInTop => Me is not null && Top.Any(l => l.MemberId == Me.MemberId);
}
