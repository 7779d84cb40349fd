using System.Net;
using System.Text;
using LoyaltyBot.Bot.Import;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Import;

public sealed class ImportTests : IDisposable
{
    private const string Nbsp = "\u00A0";
    private const string NarrowNbsp = "\u202F";

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
    public async Task A_member_already_present_with_other_data_is_listed_with_the_differences_and_kept_as_stored()
    {
        await _client.CreateMember("D-1", "Ромашка", region: "Киев", language: "uk");
        var file = Write("members.csv", """
            external_id;name;region;language;kind
            D-1;Ромашка;Киев;uk;dealer
            D-1;Ромашка;;;
            D-1;Лютик;Львов;uk;
            D-1;Ромашка;Киев;en;partner
            """, bom: false);

        var (code, output) = await Run("import-members", file);

        Assert.Equal(0, code);
        Assert.Contains("4 lines: 0 imported, 2 already present, 2 already present with other data, 0 rejected.", output);
        Assert.Contains("line 4: D-1: name 'Лютик' in the file, 'Ромашка' stored; region 'Львов' in the file, 'Киев' stored", output);
        Assert.Contains("line 5: D-1: language 'en' in the file, 'uk' stored; kind 'partner' in the file, 'dealer' stored", output);
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal("Ромашка", member.GetProperty("name").GetString());
        Assert.Equal("Киев", member.GetProperty("region").GetString());
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
    public async Task A_sale_row_with_more_fields_than_the_header_is_rejected_not_cut()
    {
        await _client.CreateMember("D-2001");
        var file = Write("sales.csv", "sale_id,member_external_id,sku,units,occurred_at,amount\nS-30,D-2001,PUMP-200,10,2026-04-15,12,500.00\nS-31,D-2001,PUMP-200,2,2026-04-15,\"12,500.00\"\n", bom: false);

        var (code, output) = await Run("import-sales", file);

        Assert.Equal(1, code);
        Assert.Contains("2 lines: 1 imported, 0 already present, 1 rejected.", output);
        Assert.Contains("line 2: wrong_field_count: 7 fields, the header has 6", output);
        Assert.Null(StoredSale("S-30"));
    }

    [Fact]
    public async Task A_member_row_with_an_unquoted_separator_in_the_name_is_rejected_and_blank_lines_are_skipped()
    {
        var file = Write("members.csv", "external_id,name,region\r\nD-3001,Лютик,Киев\r\nD-3002,Ромашка, ООО,Москва\r\nD-3003,Short\r\n\r\n \r\n", bom: false);

        var (code, output) = await Run("import-members", file);

        Assert.Equal(1, code);
        Assert.Contains("3 lines: 1 imported, 0 already present, 2 rejected.", output);
        Assert.Contains("line 3: wrong_field_count: 4 fields, the header has 3", output);
        Assert.Contains("line 4: wrong_field_count: 2 fields, the header has 3", output);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/members/D-3002")).StatusCode);
    }

    [Fact]
    public async Task Sale_dates_are_read_only_in_the_documented_formats_and_a_slashed_date_is_rejected()
    {
        await _client.CreateMember("D-1");
        var file = Write("sales.csv", """
            sale_id;member_external_id;sku;units;occurred_at
            S-9;D-1;SKU-1;1;04/03/2026
            S-10;D-1;SKU-1;1;04.03.2026
            S-11;D-1;SKU-1;1;04.03.2026 18:30
            S-12;D-1;SKU-1;1;2026-03-04T10:00:00+03:00
            S-13;D-1;SKU-1;1;2026-03-04 10:00
            S-14;D-1;SKU-1;1;March 4, 2026
            """, bom: false);

        var (code, output) = await Run("import-sales", file);

        Assert.Equal(1, code);
        Assert.Contains("6 lines: 4 imported, 0 already present, 2 rejected.", output);
        Assert.Contains($"line 2: invalid_value: 'occurred_at' must be a date as {SaleFields.DateFormatsText}, not '04/03/2026'.", output);
        Assert.Contains("line 7: invalid_value: 'occurred_at' must be a date as", output);
        Assert.Null(StoredSale("S-9"));
        // Without an offset: wall-clock times of Program:TimeZone (Moscow, UTC+3).
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 21, 0, 0, TimeSpan.Zero), StoredSale("S-10")!.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero), StoredSale("S-11")!.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero), StoredSale("S-12")!.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero), StoredSale("S-13")!.OccurredAt);
    }

    [Fact]
    public async Task Sale_amounts_take_the_last_of_comma_and_dot_as_the_decimal_mark()
    {
        await _client.CreateMember("D-1");
        var file = Write("sales.csv", $"""
            sale_id;member_external_id;sku;units;occurred_at;amount
            S-8;D-1;SKU-1;1;2026-03-04;1.234,56
            S-7;D-1;SKU-1;1;2026-03-04;12,500.00
            S-6;D-1;SKU-1;1;2026-03-04;1{Nbsp}234{NarrowNbsp}567,5
            S-5;D-1;SKU-1;1;2026-03-04;1.234.567
            S-4;D-1;SKU-1;1;2026-03-04;1,2,3.4.5
            S-3;D-1;SKU-1;1;2026-03-04;-5
            """, bom: false);

        var (code, output) = await Run("import-sales", file);

        Assert.Equal(1, code);
        Assert.Contains("6 lines: 4 imported, 0 already present, 2 rejected.", output);
        Assert.Equal(1234.56m, StoredSale("S-8")!.Amount);
        Assert.Equal(12500.00m, StoredSale("S-7")!.Amount);
        Assert.Equal(1234567.5m, StoredSale("S-6")!.Amount);
        Assert.Equal(1234567m, StoredSale("S-5")!.Amount);
        Assert.Contains("line 6: invalid_value: 'amount' must be a number", output);
        Assert.Contains("line 7: out_of_range", output);
    }

    [Fact]
    public async Task Sale_units_may_group_thousands_with_spaces_as_excel_exports_them()
    {
        await _client.CreateMember("D-1");
        var file = Write("sales.csv", $"""
            sale_id;member_external_id;sku;units;occurred_at
            S-1;D-1;SKU-1;1{Nbsp}000;2026-03-04
            S-2;D-1;SKU-1;2{NarrowNbsp}000;2026-03-04
            S-3;D-1;SKU-1;3 000;2026-03-04
            S-4;D-1;SKU-1;1.000;2026-03-04
            """, bom: false);

        var (code, output) = await Run("import-sales", file);

        Assert.Equal(1, code);
        Assert.Contains("4 lines: 3 imported, 0 already present, 1 rejected.", output);
        Assert.Equal(1000, StoredSale("S-1")!.Units);
        Assert.Equal(2000, StoredSale("S-2")!.Units);
        Assert.Equal(3000, StoredSale("S-3")!.Units);
        Assert.Contains("line 5: invalid_value: 'units' must be a whole number", output);
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

    private Sale? StoredSale(string id) => _api.Services.GetRequiredService<IDocumentStore>().Set<Sale>().Get(id);

    private string Write(string name, string text, bool bom)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }
}
