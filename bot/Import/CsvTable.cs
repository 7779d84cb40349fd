using System.Text;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// A CSV file as an ERP exports it: a header row, <c>;</c> or <c>,</c> as separator (whichever the header
/// holds more of), fields optionally in double quotes (<c>""</c> for a quote, line breaks allowed inside),
/// UTF-8 with or without BOM. Header names match ignoring case, spaces, <c>_</c> and <c>-</c>.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, char separator, IReadOnlyList<CsvRow> rows)
    {
        _columns = columns;
        Separator = separator;
        Rows = rows;
    }

    public char Separator { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(Normalize(column));

    /// <summary>The field of the named column, trimmed; empty when the column or the field is absent.</summary>
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
            return new CsvTable([], separator, []);
        }

        var columns = new Dictionary<string, int>();
        for (var i = 0; i < records[0].Fields.Count; i++)
        {
            columns.TryAdd(Normalize(records[0].Fields[i]), i);
        }

        var rows = records.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        return new CsvTable(columns, separator, rows);
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
