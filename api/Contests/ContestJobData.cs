namespace LoyaltyBot.Api.Contests;

/// <summary>Names shared by the contest jobs and their triggers: job data keys and job groups (one job per contest and kind).</summary>
public static class ContestJobData
{
    public const string ContestId = "contestId";
    public const string StartGroup = "contest-start";
    public const string ReminderGroup = "contest-reminder";
    public const string FinishGroup = "contest-finish";
}
