using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// Historical sales from CSV: columns <c>sale_id</c>, <c>member_external_id</c>, <c>sku</c>, <c>units</c>,
/// <c>occurred_at</c> and optional <c>amount</c>, written as <see cref="SaleFields"/> reads them. Recorded through
/// <see cref="SaleRecorder"/> in batches, idempotent by sale id: a re-run reports the sales as already present and adds no points.
/// </summary>
public sealed class SaleImport(SaleRecorder recorder, ProgramCalendar calendar)
{
    public const int ChunkSize = 1000;
    private static readonly string[] Columns = ["sale_id", "member_external_id", "sku", "units", "occurred_at"];

    public async Task<ImportSummary> RunAsync(CsvTable table, string actor, Action<int, int> progress, CancellationToken cancellationToken)
    {
        if (Columns.FirstOrDefault(c => !table.Has(c)) is { } missing)
        {
            return new ImportSummary(table.Lines, 0, 0, [new ImportRejection(1, "missing_column", $"The header needs the columns {string.Join(", ", Columns)} ('{missing}' is missing).")]);
        }

        var imported = 0;
        var present = 0;
        var rejected = new List<ImportRejection>(table.Rejected);
        var done = 0;
        foreach (var chunk in table.Rows.Chunk(ChunkSize))
        {
            var requests = new List<SaleRequest>(chunk.Length);
            var lines = new List<int>(chunk.Length);
            foreach (var row in chunk)
            {
                var (request, error) = Parse(table, row);
                if (error is not null)
                {
                    rejected.Add(new ImportRejection(row.Line, error.Code, error.Message));
                    continue;
                }

                requests.Add(request!);
                lines.Add(row.Line);
            }

            var outcomes = requests.Count == 0 ? [] : await recorder.RecordBatchAsync(requests, actor, cancellationToken);
            for (var i = 0; i < outcomes.Count; i++)
            {
                switch (outcomes[i].Status)
                {
                    case SaleItemStatus.Created:
                        imported++;
                        break;
                    case SaleItemStatus.Duplicate:
                        present++;
                        break;
                    default:
                        rejected.Add(new ImportRejection(lines[i], outcomes[i].Error!.Code, outcomes[i].Error!.Message));
                        break;
                }
            }

            done += chunk.Length;
            progress(done, table.Rows.Count);
        }

        return new ImportSummary(table.Lines, imported, present, rejected.OrderBy(r => r.Line).ToList());
    }

    private (SaleRequest? Request, DomainError? Error) Parse(CsvTable table, CsvRow row)
    {
        if (SaleFields.Units(table.Field(row, "units"), out var units) is { } unitsError)
        {
            return (null, unitsError);
        }

        if (SaleFields.OccurredAt(table.Field(row, "occurred_at"), calendar, out var occurredAt) is { } dateError)
        {
            return (null, dateError);
        }

        if (SaleFields.Amount(table.Field(row, "amount"), out var amount) is { } amountError)
        {
            return (null, amountError);
        }

        return (new SaleRequest(table.Field(row, "sale_id"), table.Field(row, "member_external_id"), table.Field(row, "sku"), units, occurredAt, amount), null);
    }
}
