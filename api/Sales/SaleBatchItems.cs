using System.Text.Json;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>
/// Reads a batch's items one by one, so an item of the wrong shape or with an unreadable field (a date in another
/// format, a number as text) is rejected alone and the others still commit. A batch in which no item could be read
/// as a sale is not a batch of sales: it is refused whole, naming the first unreadable item's field.
/// </summary>
public static class SaleBatchItems
{
    /// <summary>Records the readable items and answers for every item, in order.</summary>
    public static async Task<Result<SaleOutcome[]>> RecordAsync(
        IReadOnlyList<JsonElement> items, JsonSerializerOptions options, SaleRecorder recorder, string actor, CancellationToken cancellationToken)
    {
        var outcomes = new SaleOutcome[items.Count];
        var readable = new List<SaleRequest?>(items.Count);
        var positions = new List<int>(items.Count);
        DomainError? firstUnreadable = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind == JsonValueKind.Null)
            {
                readable.Add(null); // the recorder rejects it as a null sale
                positions.Add(i);
            }
            else if (Read(items[i], options, out var field) is { } request)
            {
                readable.Add(request);
                positions.Add(i);
            }
            else
            {
                // field: the item's own field that could not be read, or null when the item itself is wrong.
                var path = field is null ? $"sales[{i}]" : $"sales[{i}].{field}";
                var message = items[i].ValueKind == JsonValueKind.Object ? $"The sale could not be read: check '{field ?? path}'." : "Each sale must be a JSON object.";
                outcomes[i] = new SaleOutcome(IdOf(items[i]), SaleItemStatus.Rejected, null, DomainError.Invalid(field ?? path, ProblemMapping.MalformedJson, message));
                firstUnreadable ??= DomainError.Invalid(path, ProblemMapping.MalformedJson, $"The body is not valid JSON for this request: check '{path}'.");
            }
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

    /// <summary>The item as a sale, or null with the field it could not read (null when the item itself is wrong: not a JSON object).</summary>
    private static SaleRequest? Read(JsonElement item, JsonSerializerOptions options, out string? field)
    {
        field = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return item.Deserialize<SaleRequest>(options);
        }
        catch (JsonException json)
        {
            field = json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : null;
            return null;
        }
    }

    private static string? IdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The recorder numbers null items by their place in the list it got; give them their place in the batch.</summary>
    private static DomainError? Renumbered(DomainError? error, int index) =>
        error is { Field: { } field } && field.StartsWith("sales[", StringComparison.Ordinal) ? error with { Field = $"sales[{index}]" } : error;
}
