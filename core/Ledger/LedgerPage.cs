namespace LoyaltyBot.Core.Ledger;

public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Items, int Page, int PageSize, int Total);
