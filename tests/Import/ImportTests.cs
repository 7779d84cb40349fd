using System.Text;
using LoyaltyBot.Bot.Import;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Import;

public sealed class ImportTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public ImportTests()
    {
        _api = new ApiFactory(_folder.File("loyalty.db"), services: s => s.AddImport());
        _client = _api.Admin();
    }

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Members_import_from_a_semicolon_file_with_bom_and_reports_bad_lines()
    {
        var file = Write("members.csv", "External_Id;Name;Region;Language;Kind\r\nD-1;\"ООО \"\"Ромашка\"\"; Киев\";Kyiv;uk;dealer\r\nD-2;Partner;;en;partner\r\n;No id;;;\r\nD-3;Bad kind;;;shop\r\n", bom: true);

        var (code, output) = await Run("import-members", file);

        Assert.Equal(1, code);
        Assert.Contains("4 lines: 2 imported, 0 already present, 2 rejected.", output);
        Assert.Contains("line 4: missing_field", output);
        Assert.Contains("line 5: invalid_value", output);
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal("ООО \"Ромашка\"; Киев", member.GetProperty("name").GetString());
        Assert.Equal("uk", member.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Sales_import_is_idempotent_by_sale_id_and_explains_rejected_lines()
    {
        await _client.CreateMember("D-1");
        var file = Write("sales.csv", """
            sale_id,member_external_id,sku,units,occurred_at,amount
            S-1,D-1,SKU-1,10,2026-03-01T10:00:00+03:00,"1,234.50"
            S-2,D-1,SKU-1,5,01.03.2026,
            S-3,D-9,SKU-1,5,2026-03-01,
            S-4,D-1,SKU-1,many,2026-03-01,
            S-5,D-1,SKU-1,0,2026-03-01,
            S-6,D-1,SKU-1,1,yesterday,
            """, bom: false);

        var (firstCode, first) = await Run("import-sales", file);
        var (_, second) = await Run("import-sales", file);

        Assert.Equal(1, firstCode);
        Assert.Contains("6 lines: 2 imported, 0 already present, 4 rejected.", first);
        Assert.Contains("line 4: unknown_member", first);
        Assert.Contains("line 5: invalid_value", first);
        Assert.Contains("line 6: out_of_range", first);
        Assert.Contains("line 7: invalid_value", first);
        Assert.Contains("6 lines: 0 imported, 2 already present, 4 rejected.", second);
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal(15m, member.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_file_without_the_required_columns_imports_nothing()
    {
        var file = Write("sales.csv", "id;member;units\nS-1;D-1;3\n", bom: false);

        var (code, output) = await Run("import-sales", file);

        Assert.Equal(1, code);
        Assert.Contains("missing_column", output);
    }

    [Fact]
    public void The_separator_is_detected_from_the_header()
    {
        Assert.Equal(';', CsvTable.Parse("a;b,c;d\n1;2\n").Separator);
        Assert.Equal(',', CsvTable.Parse("a,b,c\n1,2,3\n").Separator);
    }

    private async Task<(int Code, string Output)> Run(string command, string file)
    {
        var output = new StringWriter();
        var code = await ImportCommand.RunAsync(_api.Services, command, [file], output, CancellationToken.None);
        return (code, output.ToString());
    }

    private string Write(string name, string text, bool bom)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }
}
