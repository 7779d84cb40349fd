namespace LoyaltyBot.Core.Contests;

/// <summary>The announcement schedule as an author sends it; omitted flags are true, omitted lists empty.</summary>
public sealed record AnnouncementPlanDraft(
    bool? AtStart = null,
    IReadOnlyList<string?>? Reminders = null,
    IReadOnlyList<int?>? DaysBeforeEnd = null,
    bool? AtEnd = null);
