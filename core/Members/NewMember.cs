namespace LoyaltyBot.Core.Members;

/// <summary>What an integrator or manager sends to enrol a member.</summary>
public sealed record NewMember(string? ExternalId, string? Name, string? Region = null, string? Language = null, MemberKind? Kind = null);
