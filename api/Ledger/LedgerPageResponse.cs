namespace LoyaltyBot.Api.Ledger;

public sealed record LedgerPageResponse(IReadOnlyList<LedgerEntryResponse> Items, int Page, int PageSize, int Total);
