using System.Collections.Concurrent;

namespace LoyaltyBot.Bench;

/// <summary>What the crash test's clients sent and what the API acknowledged with a 2xx, across every process life.</summary>
internal sealed class CrashJournal
{
    /// <summary>Every sale ever sent (whether or not an answer came back), by sale id.</summary>
    public ConcurrentDictionary<string, CrashSale> AttemptedSales { get; } = new();

    /// <summary>Sale ids the API acknowledged (201/200 for a single sale, created/duplicate in a 200 batch).</summary>
    public ConcurrentDictionary<string, bool> AcknowledgedSales { get; } = new();

    /// <summary>Every redemption request ever sent, by idempotency key.</summary>
    public ConcurrentDictionary<string, CrashRedemption> AttemptedRedemptions { get; } = new();

    /// <summary>Idempotency key → redemption id for 201/200 answers.</summary>
    public ConcurrentDictionary<string, string> AcknowledgedRedemptions { get; } = new();

    /// <summary>Idempotency key → problem code for acknowledged refusals (out of stock, insufficient points).</summary>
    public ConcurrentDictionary<string, string> RefusedRedemptions { get; } = new();

    /// <summary>Answers no correct server gives (5xx, a rejected valid sale…): each one is a failure of the run.</summary>
    public ConcurrentQueue<string> Anomalies { get; } = new();
}

/// <summary>A sale as the crash test sent it (replayed verbatim at the end).</summary>
internal sealed record CrashSale(string Id, string MemberExternalId, string Sku, long Units, DateTimeOffset OccurredAt);

/// <summary>A redemption request as the crash test sent it.</summary>
internal sealed record CrashRedemption(string MemberExternalId, string RewardId, string IdempotencyKey);
