namespace LoyaltyBot.Core.Referrals;

/// <summary>How far an invitee got: arrived through the link, applied, decided, made the qualifying sale.</summary>
public enum InviteeStatus
{
    Invited,
    Pending,
    Approved,
    Rejected,
    Qualified,
}
