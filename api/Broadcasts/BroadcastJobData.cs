namespace LoyaltyBot.Api.Broadcasts;

/// <summary>Names shared by the broadcast job and its trigger: the job data key and the job group (one job per campaign, keyed by its id).</summary>
public static class BroadcastJobData
{
    public const string BroadcastId = "broadcastId";
    public const string Group = "broadcast";
}
