namespace LoyaltyBot.Core.Rewards;

/// <summary>Configuration section <c>Rewards</c>.</summary>
public sealed class RewardOptions
{
    public const string Section = "Rewards";

    /// <summary>Largest reward image accepted, in bytes (Telegram takes photos up to 10 MB; 1 MB keeps the store small).</summary>
    public int MaxImageBytes { get; set; } = 1024 * 1024;
}
