namespace LoyaltyBot.Api.Contests;

/// <summary>A prize given: <see cref="Points"/> credited (ledger kind <c>contestPrize</c>) and/or the reward to hand over.</summary>
public sealed record ContestAwardResponse(int Place, string ExternalId, string Name, decimal Score, decimal Points, string? RewardId, DateTimeOffset AwardedAt);
