using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>
/// Records a batch whose items were read one by one: an item of the wrong shape or with an unreadable field (a date
/// in another format, a number as text) is rejected alone and the others still commit. A batch in which no item could
/// be read as a sale is not a batch of sales: it is refused whole, naming the first unreadable item's field.
/// </summary>
public static class SaleBatchItems
{
    /// <summary>Records the readable items and answers for every item, in order.</summary>
    public static async Task<Result<SaleOutcome[]>> RecordAsync(
        IReadOnlyList<SaleBatchEntry?> items, SaleRecorder recorder, string actor, CancellationToken cancellationToken)
    {
        var outcomes = new SaleOutcome[items.Count];
        var readable = new List<SaleRequest?>(items.Count);
        var positions = new List<int>(items.Count);
        DomainError? firstUnreadable = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { Sale: null } unreadable)
            {
                // The field that could not be read, or the item itself when it is not a JSON object.
                var path = unreadable.UnreadableField is { } field ? $"sales[{i}].{field}" : $"sales[{i}]";
                var message = unreadable.UnreadableField is { } named ? $"The sale could not be read: check '{named}'." : "Each sale must be a JSON object.";
                outcomes[i] = new SaleOutcome(unreadable.Id, SaleItemStatus.Rejected, null,
                    DomainError.Invalid(unreadable.UnreadableField ?? path, ProblemMapping.MalformedJson, message));
                firstUnreadable ??= DomainError.Invalid(path, ProblemMapping.MalformedJson, $"The body is not valid JSON for this request: check '{path}'.");
                continue;
            }

            readable.Add(items[i]?.Sale); // a null item: the recorder rejects it as a null sale
            positions.Add(i);
        }

        if (firstUnreadable is not null && readable.All(r => r is null))
        {
            return firstUnreadable;
        }

        var recorded = await recorder.RecordBatchAsync(readable, actor, cancellationToken);
        for (var k = 0; k < recorded.Count; k++)
        {
            outcomes[positions[k]] = recorded[k] with { Error = Renumbered(recorded[k].Error, positions[k]) };
        }

        return outcomes;
    }

    /// <summary>The recorder numbers null items by their place in the list it got; give them their place in the batch.</summary>
    private static DomainError? Renumbered(DomainError? error, int index) =>
        error is { Field: { } field } && field.StartsWith("sales[", StringComparison.Ordinal) ? error with { Field = $"sales[{index}]" } : error;
}
