namespace LoyaltyBot.Bench;

/// <summary>Raw LiteDB baseline: one auto-committed <c>Insert</c> per document in a fresh Direct-mode file.</summary>
internal sealed record RawRunResult(int Documents, double Seconds, double DocsPerSecond, long FileBytes);
