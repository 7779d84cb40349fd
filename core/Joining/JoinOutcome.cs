using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Joining;

/// <summary>The result of trying a join code.</summary>
public abstract record JoinOutcome
{
    public sealed record Linked(Member Member) : JoinOutcome;

    /// <summary>Wrong, used or expired: one answer for all three, so the answer leaks nothing.</summary>
    public sealed record CodeNotValid : JoinOutcome;

    public sealed record TooManyAttempts(DateTimeOffset RetryAt) : JoinOutcome;

    public sealed record AlreadyLinked(Member Member) : JoinOutcome;

    public sealed record MemberBlocked : JoinOutcome;
}
