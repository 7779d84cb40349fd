namespace LoyaltyBot.Core.Expiry;

/// <summary>When earned points expire.</summary>
public enum ExpiryMode
{
    /// <summary>Points never expire (the default).</summary>
    Never,

    /// <summary><see cref="ExpiryOptions.Months"/> months after they were earned.</summary>
    MonthsAfterEarning,

    /// <summary>At the end of the program year after the one they were earned in.</summary>
    EndOfFollowingYear,
}
