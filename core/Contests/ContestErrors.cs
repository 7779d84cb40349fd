using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Contests;

public static class ContestErrors
{
    public static DomainError Unknown(string id) =>
        DomainError.NotFound("unknown_contest", $"No contest has id '{id}'.", "id");

    /// <summary>The contest has started: what it counts, for whom and since when can no longer change.</summary>
    public static DomainError Locked(string field) =>
        DomainError.Conflict("contest_locked", $"The contest has started, so '{field}' can no longer change.", field);

    public static DomainError Finished(string id) =>
        DomainError.Conflict("contest_finished", $"Contest '{id}' has finished and can no longer be changed.", "id");

    public static DomainError Cancelled(string id) =>
        DomainError.Conflict("contest_cancelled", $"Contest '{id}' was cancelled and can no longer be changed.", "id");
}
