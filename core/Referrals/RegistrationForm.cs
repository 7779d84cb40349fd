namespace LoyaltyBot.Core.Referrals;

/// <summary>What a newcomer entered in the registration dialog.</summary>
public sealed record RegistrationForm(string? CompanyName, string? Region, string? Phone);
