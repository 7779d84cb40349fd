namespace LoyaltyBot.Core.Ledger;

/// <summary>The entry written, or the one found under the same idempotency key.</summary>
public sealed record LedgerAppend(LedgerEntry Entry, bool WasDuplicate);
