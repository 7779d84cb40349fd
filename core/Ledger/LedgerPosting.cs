namespace LoyaltyBot.Core.Ledger;

/// <summary>A request to append one entry to the ledger.</summary>
public sealed record LedgerPosting(
    string MemberId,
    LedgerEntryKind Kind,
    decimal Amount,
    string Reason,
    string SourceRef,
    string IdempotencyKey,
    string Actor);
