using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Referrals;

/// <summary>What happened when a chat user followed a referral link (or typed its code).</summary>
public abstract record ArrivalOutcome
{
    /// <summary>
    /// The user may register, attributed to <see cref="Referrer"/>. <see cref="EarlierLink"/>: they came through
    /// another member's link before, and that first attribution stands.
    /// </summary>
    public sealed record Invited(Member Referrer, bool EarlierLink) : ArrivalOutcome;

    /// <summary>Unknown code, or its member is blocked: one answer for both.</summary>
    public sealed record CodeNotValid : ArrivalOutcome;

    /// <summary>The member followed their own link.</summary>
    public sealed record OwnLink : ArrivalOutcome;

    /// <summary>The chat is linked to a member already.</summary>
    public sealed record AlreadyMember(Member Member) : ArrivalOutcome;

    /// <summary>The chat's application is waiting for a manager.</summary>
    public sealed record ApplicationPending(ReferralApplication Application) : ArrivalOutcome;
}
