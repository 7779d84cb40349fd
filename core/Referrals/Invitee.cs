namespace LoyaltyBot.Core.Referrals;

/// <summary>One chat that arrived through a member's link, with its latest application, if any.</summary>
public sealed record Invitee(string IdentityId, InviteeStatus Status, DateTimeOffset InvitedAt, ReferralApplication? Application)
{
    /// <summary>"telegram", "teams"…: the part of the identity id before the user.</summary>
    public string Channel => IdentityId.Split(':')[0];
}
