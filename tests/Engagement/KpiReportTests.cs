using System.Net;
using System.Net.Http.Json;
using System.Text;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Reports;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Engagement;

public sealed class KpiReportTests
{
    private const string Period = "from=2026-06-01T00:00:00Z&to=2026-06-16T00:00:00Z";

    /// <summary>
    /// Three dealers (clock 2026-06-15 09:00): D-1 sold 100 units on 1 June and 50 on 20 May, D-2 sold 10 on 25 May,
    /// D-3 got 500 points by hand, redeemed 200 and had a 100-point redemption rejected. All points were booked on 15 June.
    /// </summary>
    private static async Task<RewardsScenario> Fixture()
    {
        var s = new RewardsScenario();
        await s.Member("D-1");
        await s.Member("D-2");
        await s.Member("D-3", points: 500);
        await Sale(s, "S-1", "D-1", 100, "2026-06-02T10:00:00Z");
        await Sale(s, "S-2", "D-1", 50, "2026-05-20T10:00:00Z");
        await Sale(s, "S-3", "D-2", 10, "2026-05-25T10:00:00Z");
        await s.Redeemed("D-3", await s.Reward(costPoints: 200, name: "Кружка"));
        var rejected = await s.Redeemed("D-3", await s.Reward(costPoints: 100, name: "Ручка"));
        var reject = await s.Admin.PostAsJsonAsync($"/api/v1/redemptions/{rejected}/reject", new { reason = "нет в наличии" });
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        return s;
    }

    [Fact]
    public async Task The_kpi_figures_match_the_hand_computed_fixture()
    {
        using var s = await Fixture();
        var kpi = await s.Admin.GetJson($"/api/v1/reports/kpi?{Period}");

        Assert.Equal(3, kpi.GetProperty("members").GetInt32());
        Assert.Equal(2, kpi.GetProperty("participatingMembers").GetInt32());
        Assert.Equal(0.6667m, kpi.GetProperty("participationRate").GetDecimal());
        Assert.Equal(3, kpi.GetProperty("activeMembers30Days").GetInt32());
        Assert.Equal(3, kpi.GetProperty("activeMembers90Days").GetInt32());
        Assert.Equal(100, kpi.GetProperty("unitsSold").GetInt64());
        Assert.Equal(660m, kpi.GetProperty("pointsIssued").GetDecimal());
        Assert.Equal(200m, kpi.GetProperty("pointsRedeemed").GetDecimal());
        Assert.Equal(0m, kpi.GetProperty("pointsExpired").GetDecimal());
        Assert.Equal(0.303m, kpi.GetProperty("redemptionRate").GetDecimal());
        Assert.True(IsNull(kpi, "referralConversion"));
        Assert.Equal(0m, kpi.GetProperty("quizParticipationRate").GetDecimal());
        Assert.True(IsNull(kpi, "quizPassRate"));
        Assert.Equal(0.5m, kpi.GetProperty("retention").GetDecimal());
        var weeks = kpi.GetProperty("weeks").EnumerateArray().ToArray();
        Assert.Equal([0m, 0m, 660m], weeks.Select(w => w.GetProperty("pointsIssued").GetDecimal()));
        Assert.Equal([0m, 0m, 200m], weeks.Select(w => w.GetProperty("pointsRedeemed").GetDecimal()));
        Assert.Equal([1, 0, 1], weeks.Select(w => w.GetProperty("activeMembers").GetInt32()));
    }

    [Fact]
    public async Task Members_enrolled_after_a_period_count_in_it_when_their_imported_history_made_them_active()
    {
        using var s = await Fixture(); // enrolled 15 June; D-1 and D-2 have sales backdated to May

        var may = await s.Admin.GetJson("/api/v1/reports/kpi?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z");

        Assert.Equal(2, may.GetProperty("participatingMembers").GetInt32());
        Assert.Equal(2, may.GetProperty("members").GetInt32());
        Assert.Equal(1m, may.GetProperty("participationRate").GetDecimal());
    }

    [Fact]
    public async Task A_sale_time_without_an_offset_is_a_wall_clock_time_of_the_program_zone()
    {
        using var s = new RewardsScenario(); // Program:TimeZone Europe/Moscow, whatever the host's zone
        await s.Member("D-9");

        var posted = await s.Admin.PostRaw(
            "/api/v1/sales", """{"id":"LATE","memberExternalId":"D-9","sku":"X","units":7,"occurredAt":"2026-05-31T23:30:00"}""");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(7, (await s.Admin.GetJson("/api/v1/reports/kpi?from=2026-05-01&to=2026-06-01")).GetProperty("unitsSold").GetInt64());
        Assert.Equal(0, (await s.Admin.GetJson("/api/v1/reports/kpi?from=2026-06-01&to=2026-06-16")).GetProperty("unitsSold").GetInt64());
    }

    [Fact]
    public void The_chart_draws_each_week_on_its_first_day_in_the_program_time_zone()
    {
        // A week from 1 June, 00:00 in Moscow, starts on 31 May in UTC; the axis must say 1 June, as the title does.
        var figures = new LoyaltyBot.Core.Reports.KpiFigures
        {
            Weeks = [new LoyaltyBot.Core.Reports.KpiWeek(DateTimeOffset.Parse("2026-05-31T21:00:00Z"), 0, 0, 0)],
        };

        var positions = LoyaltyBot.Core.Reports.KpiChart.WeekPositions(figures, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));

        Assert.Equal([new DateTime(2026, 6, 1).ToOADate()], positions);
    }

    [Theory]
    [InlineData("ru", "1 июн.")]
    [InlineData("uk", "1 черв.")]
    [InlineData("en", "1 Jun")]
    public void The_chart_names_the_days_on_its_date_axis_in_the_reader_s_language(string language, string expected)
    {
        Assert.Equal(expected, KpiChart.DayLabel(new DateTime(2026, 6, 1), Texts.For(language).Culture));
    }

    [Fact]
    public async Task The_chart_is_a_valid_png()
    {
        using var s = await Fixture();
        var response = await s.Admin.GetAsync($"/api/v1/reports/kpi.png?{Period}&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(500, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public async Task The_csv_exports_are_utf8_with_a_bom_and_keep_cyrillic_and_negative_amounts()
    {
        using var s = await Fixture();
        var members = await s.Admin.GetByteArrayAsync("/api/v1/reports/members.csv");
        var ledger = await s.Admin.GetByteArrayAsync("/api/v1/reports/ledger.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, members[..3]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, ledger[..3]);
        var memberLines = Encoding.UTF8.GetString(members[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, memberLines.Length);
        Assert.Contains(memberLines, l => l.StartsWith("D-3,ООО Ромашка,", StringComparison.Ordinal));
        var ledgerText = Encoding.UTF8.GetString(ledger[3..]);
        Assert.Contains(",D-3,redemption,-200,", ledgerText);
    }

    [Fact]
    public async Task Managers_get_the_report_in_chat_with_the_chart_and_dealers_do_not()
    {
        using var s = new RewardsScenario();
        var manager = await s.LinkedChat("M-1", "2001", manager: true);
        var dealer = await s.LinkedChat("D-1", "1001");

        var turn = await manager.Say("/report");
        var reply = Assert.Single(turn.Replies);
        Assert.NotNull(reply.Image);
        Assert.Contains("Участие:", RewardsScenario.Text(turn));
        Assert.All((await dealer.Say("/report")).Replies, r => Assert.Null(r.Image));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        using var s = new RewardsScenario();
        var response = await s.Admin.GetAsync("/api/v1/reports/kpi?from=2026-06-10T00:00:00Z&to=2026-06-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reports/kpi?from=01.11.2026", "from")]
    [InlineData("/api/v1/reports/kpi?from=2026-06-01&to=11/01/2026", "to")]
    [InlineData("/api/v1/reports/kpi.png?from=01.06.2026", "from")]
    [InlineData("/api/v1/reports/ledger.csv?to=16.06.2026", "to")]
    public async Task A_period_date_that_is_not_iso_8601_is_refused_naming_the_field_instead_of_read_month_first(string url, string field)
    {
        using var s = new RewardsScenario();
        var response = await s.Admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("invalid_value", body.GetProperty("code").GetString());
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("from=2026-06-01&to=2026-06-16")]
    [InlineData("from=2026-06-01T00:00&to=2026-06-16T00:00:00.000Z")]
    [InlineData("from=2026-06-01T00:00:00%2B03:00")]
    public async Task Iso_8601_period_dates_are_accepted(string query)
    {
        using var s = new RewardsScenario();
        var response = await s.Admin.GetAsync($"/api/v1/reports/kpi?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Period_days_and_times_without_an_offset_are_read_in_the_program_time_zone()
    {
        using var s = new RewardsScenario();
        var kpi = await s.Admin.GetJson("/api/v1/reports/kpi?from=2026-06-01&to=2026-06-08T00:00");

        Assert.Equal(DateTimeOffset.Parse("2026-05-31T21:00:00Z"), kpi.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2026-06-07T21:00:00Z"), kpi.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_ledger_export_from_a_day_starts_at_midnight_in_the_program_time_zone()
    {
        using var s = new RewardsScenario();
        await s.Member("D-1");
        s.Clock.SetUtcNow(DateTimeOffset.Parse("2026-06-15T21:30:00Z")); // 16 June, 00:30 in Moscow
        await s.Adjust("D-1", 7);

        var csv = await s.Admin.GetStringAsync("/api/v1/reports/ledger.csv?from=2026-06-16");

        Assert.Contains("2026-06-15T21:30:00.000Z", csv);
    }

    [Fact]
    public async Task Weekly_buckets_start_at_local_midnight_across_a_daylight_saving_change()
    {
        using var s = new RewardsScenario(new Dictionary<string, string?> { ["Program:TimeZone"] = "Europe/Berlin" });

        // Two weeks from Monday 19 October; Berlin leaves summer time on Sunday 25 October.
        var kpi = await s.Admin.GetJson("/api/v1/reports/kpi?from=2026-10-19&to=2026-11-02");

        var starts = kpi.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("start").GetDateTimeOffset()).ToArray();
        Assert.Equal([DateTimeOffset.Parse("2026-10-18T22:00:00Z"), DateTimeOffset.Parse("2026-10-25T23:00:00Z")], starts);
    }

    [Theory]
    [InlineData("from=0001-01-01T00:00:00Z&to=0001-01-08T00:00:00Z")]
    [InlineData("from=9999-12-20T00:00:00Z&to=9999-12-31T23:59:59Z")]
    [InlineData("from=0001-01-01")]
    [InlineData("from=9999-12-20&to=9999-12-31")]
    public async Task A_period_at_the_ends_of_the_calendar_is_answered_without_a_server_error(string query)
    {
        using var s = new RewardsScenario();
        await s.Member("D-1", points: 10);

        var kpi = await s.Admin.GetAsync($"/api/v1/reports/kpi?{query}");
        var png = await s.Admin.GetAsync($"/api/v1/reports/kpi.png?{query}");

        Assert.True((int)kpi.StatusCode < 500, $"kpi: {(int)kpi.StatusCode} {await kpi.Content.ReadAsStringAsync()}");
        Assert.True((int)png.StatusCode < 500, $"kpi.png: {(int)png.StatusCode}");
    }

    /// <summary>The API leaves null properties out.</summary>
    private static bool IsNull(System.Text.Json.JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) || value.ValueKind == System.Text.Json.JsonValueKind.Null;

    private static async Task Sale(RewardsScenario s, string id, string member, long units, string at)
    {
        var response = await s.Admin.PostSale(id, member, units, DateTimeOffset.Parse(at));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
