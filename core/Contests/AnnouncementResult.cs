namespace LoyaltyBot.Core.Contests;

/// <summary>The outcome of an announcement and the number of messages it queued.</summary>
public sealed record AnnouncementResult(AnnouncementOutcome Outcome, int Messages = 0);
