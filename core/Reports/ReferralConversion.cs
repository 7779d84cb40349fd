namespace LoyaltyBot.Core.Reports;

/// <summary>Invited → registered → qualified, as reported by the referrals feature.</summary>
public sealed record ReferralConversion(int Invited, int Registered, int Qualified, decimal? RegisteredRate, decimal? QualifiedRate);
