namespace LoyaltyBot.Core.Referrals;

/// <summary>Where a newcomer's application stands.</summary>
public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}
