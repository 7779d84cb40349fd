namespace LoyaltyBot.Core.Earning;

/// <summary>A tier reached when a member has sold at least <see cref="MinUnits"/> units this program year.</summary>
public sealed record TierDefinition(string Name, long MinUnits);
