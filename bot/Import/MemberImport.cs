using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// Members from CSV: columns <c>external_id</c>, <c>name</c> (required), <c>region</c>, <c>language</c> (ru, uk, en),
/// <c>kind</c> (dealer, partner). A member whose external id exists already is counted as present, so a re-run is harmless.
/// </summary>
public sealed class MemberImport(MemberRegistry registry)
{
    public async Task<ImportSummary> RunAsync(CsvTable table, Action<int, int> progress, CancellationToken cancellationToken)
    {
        if (!table.Has("external_id") || !table.Has("name"))
        {
            return new ImportSummary(table.Lines, 0, 0, [new ImportRejection(1, "missing_column", "The header needs the columns external_id and name.")]);
        }

        var imported = 0;
        var present = 0;
        var rejected = new List<ImportRejection>(table.Rejected);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var kindText = table.Field(row, "kind");
            MemberKind? kind = null;
            if (kindText.Length > 0)
            {
                if (!Enum.TryParse<MemberKind>(kindText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    rejected.Add(new ImportRejection(row.Line, "invalid_value", $"'kind' must be dealer or partner, not '{kindText}'."));
                    progress(i + 1, table.Rows.Count);
                    continue;
                }

                kind = parsed;
            }

            var result = await registry.EnrolAsync(
                new NewMember(table.Field(row, "external_id"), table.Field(row, "name"), Optional(table.Field(row, "region")), Optional(table.Field(row, "language")), kind),
                cancellationToken);
            if (result.IsSuccess)
            {
                imported++;
            }
            else if (result.Error.Code == "duplicate_member")
            {
                present++;
            }
            else
            {
                rejected.Add(new ImportRejection(row.Line, result.Error.Code, result.Error.Message));
            }

            progress(i + 1, table.Rows.Count);
        }

        return new ImportSummary(table.Lines, imported, present, rejected.OrderBy(r => r.Line).ToList());
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;
}
