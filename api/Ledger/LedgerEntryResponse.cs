using LoyaltyBot.Core.Ledger;

namespace LoyaltyBot.Api.Ledger;

public sealed record LedgerEntryResponse(
    long Id, LedgerEntryKind Kind, decimal Amount, string Reason, string SourceRef, DateTimeOffset At, string Actor, decimal BalanceAfter)
{
    public static LedgerEntryResponse From(LedgerEntry e) =>
        new(e.Id, e.Kind, e.Amount, e.Reason, e.SourceRef, e.At, e.Actor, e.BalanceAfter);
}
