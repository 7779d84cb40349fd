using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Ledger;

public static class LedgerErrors
{
    public static DomainError InsufficientPoints(decimal balance, decimal requested) =>
        DomainError.Conflict(
            "insufficient_points",
            $"The balance is {balance} points; a debit of {requested} points would make it negative.",
            "amount");

    public static DomainError IdempotencyConflict(string key) =>
        DomainError.Conflict(
            "idempotency_conflict",
            $"The idempotency key '{key}' was already used for another adjustment.",
            "idempotencyKey");
}
