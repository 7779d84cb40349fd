using System.Globalization;
using System.Text;
using System.Text.Json;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Reports;

/// <summary>
/// CSV exports written row by row to a stream (never built in memory): UTF-8 with a BOM so Excel reads Cyrillic,
/// RFC 4180 quoting, and cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public sealed class CsvExports(IDocumentStore store)
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public async Task WriteLedgerAsync(Stream output, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var members = store.Set<Member>().All().ToDictionary(m => m.Id, m => m.ExternalId, StringComparer.Ordinal);
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await Row(writer, ["id", "at", "memberExternalId", "kind", "amount", "balanceAfter", "reason", "sourceRef", "actor"]);
        foreach (var e in store.Set<LedgerEntry>().All())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((from is { } f && e.At < f) || (to is { } t && e.At >= t))
            {
                continue;
            }

            await Row(writer,
            [
                e.Id.ToString(CultureInfo.InvariantCulture), Time(e.At), members.GetValueOrDefault(e.MemberId, e.MemberId), Name(e.Kind),
                Number(e.Amount), Number(e.BalanceAfter), e.Reason, e.SourceRef, e.Actor,
            ]);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public async Task WriteMembersAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await Row(writer, ["externalId", "name", "region", "kind", "status", "tier", "balance", "language", "createdAt"]);
        foreach (var m in store.Set<Member>().All())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Row(writer,
            [
                m.ExternalId, m.Name, m.Region ?? string.Empty, Name(m.Kind), Name(m.Status), m.Tier, Number(m.Balance), m.Language, Time(m.CreatedAt),
            ]);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static Task Row(StreamWriter writer, string[] cells) => writer.WriteAsync(string.Join(",", cells.Select(Cell)) + "\r\n");

    /// <summary>Enum values as the JSON API writes them: <c>saleAccrual</c>, <c>dealer</c>, <c>active</c>.</summary>
    private static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
