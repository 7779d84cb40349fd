namespace LoyaltyBot.Core.Referrals;

/// <summary>What became of the referrer's bonus when the referee's first qualifying sale arrived.</summary>
public enum ReferrerBonusOutcome
{
    Paid,

    /// <summary>The referrer had already received the monthly maximum of referral bonuses.</summary>
    MonthlyCap,

    /// <summary>The referrer was blocked (or no longer exists): blocked members earn nothing.</summary>
    ReferrerBlocked,
}
