using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Ledger;

/// <summary>Manual adjustments: signed, with a required reason, never below a zero balance.</summary>
public sealed class PointsAdjustments(IStoreWriter writer, PointsLedger ledger)
{
    public const decimal MaxAmount = 1_000_000_000m;

    public Task<Result<LedgerAppend>> AdjustAsync(string externalId, Adjustment request, string actor, CancellationToken cancellationToken)
    {
        if (request.Amount is not { } amount)
        {
            return Fail(DomainError.Invalid("amount", Validate.MissingField, "'amount' is required."));
        }

        if (amount == 0 || Math.Abs(amount) > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            return Fail(DomainError.Invalid("amount", Validate.OutOfRange, $"'amount' must be non-zero, at most {MaxAmount:N0} in absolute value, with at most two decimals."));
        }

        var reasonError = Validate.Text("reason", request.Reason, 500, out var reason);
        var keyError = Validate.OptionalText("idempotencyKey", request.IdempotencyKey, 128, out var key);
        var error = reasonError ?? keyError;
        if (error is not null)
        {
            return Fail(error);
        }

        var idempotencyKey = key.Length > 0 ? $"adjustment:{key}" : $"adjustment:{StoreIds.New()}";
        return writer.WriteAsync<Result<LedgerAppend>>(store =>
        {
            var member = store.Set<Member>().FindOne(m => m.ExternalId == externalId);
            if (member is null)
            {
                return MemberErrors.Unknown(externalId);
            }

            var appended = ledger.Append(store, new LedgerPosting(
                member.Id, LedgerEntryKind.ManualAdjustment, amount, reason, idempotencyKey, idempotencyKey, actor));

            // A replay answers with the original entry only when it asks for the same thing; the key is not a way to
            // read another adjustment (or another member's).
            return appended is { IsSuccess: true, Value: { WasDuplicate: true, Entry: var original } } && !SameAdjustment(original, member.Id, amount, reason)
                ? LedgerErrors.IdempotencyConflict(key)
                : appended;
        }, cancellationToken);
    }

    private static bool SameAdjustment(LedgerEntry entry, string memberId, decimal amount, string reason) =>
        entry.Kind == LedgerEntryKind.ManualAdjustment && entry.MemberId == memberId && entry.Amount == amount && entry.Reason == reason;

    private static Task<Result<LedgerAppend>> Fail(DomainError error) => Task.FromResult<Result<LedgerAppend>>(error);
}
