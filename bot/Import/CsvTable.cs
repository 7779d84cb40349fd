using System.Text;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// A CSV file as an ERP exports it: a header row, <c>;</c> or <c>,</c> as separator (whichever the header
/// holds more of), fields optionally in double quotes (<c>""</c> for a quote, line breaks allowed inside),
/// UTF-8 with or without BOM. Header names match ignoring case, spaces, <c>_</c> and <c>-</c>. A data row must have
/// as many fields as the header: an unquoted separator inside a value (<c>12,500.00</c> in a <c>,</c> file) would
/// otherwise shift or cut the values silently, so such a row is rejected instead. Blank rows are skipped.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    public const string WrongFieldCount = "wrong_field_count";

    private CsvTable(Dictionary<string, int> columns, char separator, IReadOnlyList<CsvRow> rows, IReadOnlyList<ImportRejection> rejected)
    {
        _columns = columns;
        Separator = separator;
        Rows = rows;
        Rejected = rejected;
    }

    public char Separator { get; }

    /// <summary>The data rows with as many fields as the header.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The data rows whose field count differs from the header's, with the reason.</summary>
    public IReadOnlyList<ImportRejection> Rejected { get; }

    /// <summary>All non-blank data rows: <see cref="Rows"/> and <see cref="Rejected"/>.</summary>
    public int Lines => Rows.Count + Rejected.Count;

    public bool Has(string column) => _columns.ContainsKey(Normalize(column));

    /// <summary>The field of the named column, trimmed; empty when the header has no such column.</summary>
    public string Field(CsvRow row, string column) =>
        _columns.TryGetValue(Normalize(column), out var index) && index < row.Fields.Count ? row.Fields[index].Trim() : string.Empty;

    public static async Task<CsvTable> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return Parse(await reader.ReadToEndAsync(cancellationToken));
    }

    public static CsvTable Parse(string text)
    {
        text = text.TrimStart('\uFEFF');
        var headerEnd = text.IndexOfAny(['\r', '\n']);
        var header = headerEnd < 0 ? text : text[..headerEnd];
        var separator = header.Count(c => c == ';') >= header.Count(c => c == ',') && header.Contains(';') ? ';' : ',';
        var records = Records(text, separator).ToList();
        if (records.Count == 0)
        {
            return new CsvTable([], separator, [], []);
        }

        var columns = new Dictionary<string, int>();
        for (var i = 0; i < records[0].Fields.Count; i++)
        {
            columns.TryAdd(Normalize(records[0].Fields[i]), i);
        }

        var width = records[0].Fields.Count;
        var rows = new List<CsvRow>();
        var rejected = new List<ImportRejection>();
        foreach (var record in records.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)))
        {
            if (record.Fields.Count == width)
            {
                rows.Add(record);
            }
            else
            {
                rejected.Add(new ImportRejection(record.Line, WrongFieldCount,
                    $"{record.Fields.Count} fields, the header has {width} (a '{separator}' inside a value needs the value in double quotes)."));
            }
        }

        return new CsvTable(columns, separator, rows, rejected);
    }

    private static IEnumerable<CsvRow> Records(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return new CsvRow(recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(recordLine, fields);
        }
    }

    private static string Normalize(string name) =>
        new(name.Trim().Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant).ToArray());
}
