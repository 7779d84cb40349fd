using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// Members from CSV: columns <c>external_id</c>, <c>name</c> (required), <c>region</c>, <c>language</c> (ru, uk, en),
/// <c>kind</c> (dealer, partner). A member whose external id exists already is never changed, so a re-run is harmless:
/// it is counted as present, or, when the line gives another name, region, language or kind than the stored one,
/// listed as present with other data (empty optional fields are not compared).
/// </summary>
public sealed class MemberImport(MemberRegistry registry, MemberQueries queries)
{
    public async Task<ImportSummary> RunAsync(CsvTable table, Action<int, int> progress, CancellationToken cancellationToken)
    {
        if (!table.Has("external_id") || !table.Has("name"))
        {
            return new ImportSummary(table.Lines, 0, 0, [new ImportRejection(1, "missing_column", "The header needs the columns external_id and name.")]);
        }

        var imported = 0;
        var present = 0;
        var otherData = new List<ImportDifference>();
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

            var request = new NewMember(table.Field(row, "external_id"), table.Field(row, "name"), Optional(table.Field(row, "region")), Optional(table.Field(row, "language")), kind);
            var result = await registry.EnrolAsync(request, cancellationToken);
            if (result.IsSuccess)
            {
                imported++;
            }
            else if (result.Error.Code == "duplicate_member" && queries.ByExternalId(request.ExternalId!) is { } stored)
            {
                if (Differences(request, stored) is { Count: > 0 } differences)
                {
                    otherData.Add(new ImportDifference(row.Line, stored.ExternalId, differences));
                }
                else
                {
                    present++;
                }
            }
            else
            {
                rejected.Add(new ImportRejection(row.Line, result.Error.Code, result.Error.Message));
            }

            progress(i + 1, table.Rows.Count);
        }

        return new ImportSummary(table.Lines, imported, present, rejected.OrderBy(r => r.Line).ToList()) { PresentWithOtherData = otherData };
    }

    /// <summary>What the line says differently from the stored member; an optional field left empty says nothing.</summary>
    private static List<string> Differences(NewMember line, Member stored)
    {
        var differences = new List<string>();
        if (!string.Equals(line.Name, stored.Name, StringComparison.Ordinal))
        {
            differences.Add(Difference("name", line.Name, stored.Name));
        }

        if (line.Region is { } region && !string.Equals(region, stored.Region, StringComparison.Ordinal))
        {
            differences.Add(Difference("region", region, stored.Region));
        }

        if (line.Language is { } language && !string.Equals(language, stored.Language, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(Difference("language", language, stored.Language));
        }

        if (line.Kind is { } kind && kind != stored.Kind)
        {
            differences.Add(Difference("kind", kind.ToString().ToLowerInvariant(), stored.Kind.ToString().ToLowerInvariant()));
        }

        return differences;
    }

    private static string Difference(string field, string? inFile, string? stored) =>
        $"{field} '{inFile}' in the file, {(stored is null ? "none" : $"'{stored}'")} stored";

    private static string? Optional(string value) => Validate.IsBlank(value) ? null : value;
}
