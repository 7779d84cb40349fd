namespace LoyaltyBot.Core.Reports;

/// <summary>
/// Implemented by the referrals feature (registered in DI) to feed the KPI report's referral conversion;
/// without one the figure is null.
/// </summary>
public interface IReferralFunnel
{
    ReferralConversion? For(DateTimeOffset from, DateTimeOffset to);
}
