namespace LoyaltyBot.Core.Contests;

/// <summary>The outcome of finishing a contest: prizes awarded by this run and final-standings messages queued by it.</summary>
public sealed record FinishResult(FinishOutcome Outcome, int Awarded = 0, int Messages = 0);
