using LoyaltyBot.Core.Earning;

namespace LoyaltyBot.Core.Members;

/// <summary>A member with the figures a dealer cares about.</summary>
public sealed record MemberProfile(Member Member, string Tier, long UnitsThisYear, NextTier? NextTier, decimal Rate);
