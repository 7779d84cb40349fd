using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Api;

public sealed class SalesTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public SalesTests()
    {
        _api = new ApiFactory(_folder.File("loyalty.db"));
        _client = _api.Admin();
    }

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_sale_earns_points_by_the_brackets_and_returns_balance_and_tier()
    {
        await _client.CreateMember("D-1");
        await _client.PostSale("S-0", "D-1", 900);
        var response = await _client.PostSale("S-1", "D-1", 200);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(250m, body.GetProperty("pointsEarned").GetDecimal());
        Assert.Equal(1150m, body.GetProperty("balance").GetDecimal());
        Assert.Equal("Silver", body.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_created_sale_has_no_Location_since_no_route_serves_a_single_sale()
    {
        await _client.CreateMember("D-1");
        var response = await _client.PostSale("S-1", "D-1", 10);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/sales/S-1")).StatusCode);
    }

    [Fact]
    public async Task Replaying_a_sale_with_the_same_id_and_body_returns_200_with_the_original_result_and_adds_nothing()
    {
        await _client.CreateMember("D-1");
        var at = DateTimeOffset.Parse("2026-03-01T10:00:00+03:00");
        var first = await (await _client.PostSale("S-1", "D-1", 10, at)).Json();
        await _client.PostSale("S-2", "D-1", 5, at);

        var replay = await _client.PostSale("S-1", "D-1", 10, at);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var body = await replay.Json();
        Assert.Equal(first.GetProperty("balance").GetDecimal(), body.GetProperty("balance").GetDecimal());
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal(15m, member.GetProperty("balance").GetDecimal());
        Assert.Equal(2, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Replaying_a_sale_id_with_a_different_body_is_a_409_and_changes_nothing()
    {
        await _client.CreateMember("D-1");
        await _client.PostSale("S-1", "D-1", 10);
        var response = await _client.PostSale("S-1", "D-1", 11);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duplicate_sale_conflict", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(10m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_sale_for_an_unknown_member_is_a_404_naming_the_field()
    {
        var response = await _client.PostSale("S-1", "NOPE", 10);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("unknown_member", body.GetProperty("code").GetString());
        Assert.Equal("memberExternalId", body.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("""{"memberExternalId":"D-1","sku":"X","units":1,"occurredAt":"2026-01-01T00:00:00Z"}""", "id", "missing_field")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":0,"occurredAt":"2026-01-01T00:00:00Z"}""", "units", "out_of_range")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":-5,"occurredAt":"2026-01-01T00:00:00Z"}""", "units", "out_of_range")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":1000001,"occurredAt":"2026-01-01T00:00:00Z"}""", "units", "out_of_range")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":1}""", "occurredAt", "missing_field")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","units":1,"occurredAt":"2026-01-01T00:00:00Z"}""", "sku", "missing_field")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":"many","occurredAt":"2026-01-01T00:00:00Z"}""", "units", "malformed_json")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":1.5,"occurredAt":"2026-01-01T00:00:00Z"}""", "units", "malformed_json")]
    [InlineData("""{"id":"S","memberExternalId":"D-1","sku":"X","units":1,"occurredAt":"yesterday"}""", "occurredAt", "malformed_json")]
    [InlineData("""{"id":"S","memberExternalId":"D-1",""", "body", "malformed_json")]
    public async Task Invalid_sales_are_a_400_problem_naming_the_field_and_write_nothing(string json, string field, string code)
    {
        await _client.CreateMember("D-1");
        var response = await _client.PostRaw("/api/v1/sales", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.StartsWith(field, body.GetProperty("field").GetString());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""[{"id":"S"}]""", "must be a JSON object")]
    [InlineData("""{"sales":[{"id":"S",""", "check the syntax")]
    public async Task A_batch_body_of_the_wrong_shape_is_told_apart_from_broken_json(string json, string says)
    {
        var response = await _client.PostRaw("/api/v1/sales/batch", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("malformed_json", body.GetProperty("code").GetString());
        Assert.Contains(says, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_batch_with_mixed_items_commits_the_valid_ones_and_reports_each_in_order()
    {
        await _client.CreateMember("D-1");
        await _client.PostSale("OLD", "D-1", 3);
        var now = DateTimeOffset.UtcNow;
        var batch = new
        {
            sales = new object[]
            {
                new { id = "B-1", memberExternalId = "D-1", sku = "X", units = 10, occurredAt = now },
                new { id = "B-2", memberExternalId = "NOPE", sku = "X", units = 10, occurredAt = now },
                new { id = "OLD", memberExternalId = "D-1", sku = "SKU-1", units = 3, occurredAt = now.AddDays(-1) },
                new { id = "B-3", memberExternalId = "D-1", sku = "X", units = 0, occurredAt = now },
                new { id = "B-4", memberExternalId = "D-1", sku = "X", units = 5, occurredAt = now },
                new { id = "B-1", memberExternalId = "D-1", sku = "X", units = 99, occurredAt = now },
            },
        };
        var response = await _client.PostAsJsonAsync("/api/v1/sales/batch", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Json()).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["B-1", "B-2", "OLD", "B-3", "B-4", "B-1"], results.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["created", "rejected", "rejected", "rejected", "created", "rejected"],
            results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("unknown_member", results[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("duplicate_sale_conflict", results[2].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("out_of_range", results[3].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("duplicate_sale_conflict", results[5].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(18m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_batch_item_that_cannot_be_read_is_rejected_alone_and_the_others_commit()
    {
        await _client.CreateMember("D-1");
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var json = $$"""
            {"sales":[
              {"id":"U-1","memberExternalId":"D-1","sku":"X","units":4,"occurredAt":"{{at}}"},
              {"id":"U-2","memberExternalId":"D-1","sku":"X","units":4,"occurredAt":"03.12.2026"},
              {"id":"U-3","memberExternalId":"D-1","sku":"X","units":"many","occurredAt":"{{at}}"},
              42,
              null,
              {"id":"U-6","memberExternalId":"D-1","sku":"X","units":6,"occurredAt":"{{at}}"}
            ]}
            """;

        var response = await _client.PostRaw("/api/v1/sales/batch", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["created", "rejected", "rejected", "rejected", "rejected", "created"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["U-1", "U-2", "U-3", null, null, "U-6"], results.Select(r => r.TryGetProperty("id", out var id) ? id.GetString() : null));
        Assert.Equal(["malformed_json", "malformed_json", "malformed_json", "missing_field"],
            results[1..5].Select(r => r.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(["occurredAt", "units", "sales[3]", "sales[4]"], results[1..5].Select(r => r.GetProperty("error").GetProperty("field").GetString()));
        Assert.Equal((2, 4), (body.GetProperty("created").GetInt32(), body.GetProperty("rejected").GetInt32()));
        Assert.Equal(10m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task An_unreadable_item_far_into_a_large_batch_is_rejected_alone()
    {
        await _client.CreateMember("D-1");
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var items = Enumerable.Range(0, 3000).Select(i => i == 2500
            ? "{\"id\":\"L-2500\",\"memberExternalId\":\"D-1\",\"sku\":\"X\",\"units\":1,\"occurredAt\":\"03.12.2026\",\"sku2\":\"" + new string('x', 20_000) + "\"}"
            : $$"""{"id":"L-{{i}}","memberExternalId":"D-1","sku":"X","units":1,"occurredAt":"{{at}}"}""");

        var response = await _client.PostRaw("/api/v1/sales/batch", "{\"sales\":[" + string.Join(",", items) + "]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        var rejected = Assert.Single(body.GetProperty("results").EnumerateArray(), r => r.GetProperty("status").GetString() == "rejected");
        Assert.Equal("L-2500", rejected.GetProperty("id").GetString());
        Assert.Equal("occurredAt", rejected.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal(2999, body.GetProperty("created").GetInt32());
        Assert.Equal(2999, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"sales":[{"id":"N-1","memberExternalId":"D-1","sku":"X","units":1,"occurredAt":"yesterday"},7]}""", "sales[0].occurredAt")]
    [InlineData("""{"sales":[null,"N-2",{"id":"N-3","memberExternalId":"D-1","sku":"X","units":1.5,"occurredAt":"2026-01-01T00:00:00Z"}]}""", "sales[1]")]
    public async Task A_batch_in_which_no_item_can_be_read_is_refused_whole_naming_the_first_unreadable_item(string json, string field)
    {
        await _client.CreateMember("D-1");

        var response = await _client.PostRaw("/api/v1/sales/batch", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("malformed_json", body.GetProperty("code").GetString());
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_replayed_batch_reports_duplicates_and_adds_nothing()
    {
        await _client.CreateMember("D-1");
        var at = DateTimeOffset.Parse("2026-05-05T05:05:05Z");
        var batch = new { sales = Enumerable.Range(1, 50).Select(i => new { id = $"R-{i}", memberExternalId = "D-1", sku = "X", units = i, occurredAt = at }).ToArray() };
        await _client.PostAsJsonAsync("/api/v1/sales/batch", batch);
        var replay = await (await _client.PostAsJsonAsync("/api/v1/sales/batch", batch)).Json();

        Assert.All(replay.GetProperty("results").EnumerateArray(), r => Assert.Equal("duplicate", r.GetProperty("status").GetString()));
        Assert.Equal(1412.5m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal()); // 1,275 units: 1000 × 1 + 275 × 1.5
    }

    [Fact]
    public async Task A_full_batch_is_committed_in_chunks_and_still_reports_every_item_in_order()
    {
        await _client.CreateMember("D-1");
        await _client.CreateMember("D-2");
        var at = DateTimeOffset.Parse("2026-05-05T05:05:05Z");
        // 10,000 items: several chunks; the last item repeats the first (in another chunk) with another body.
        var items = Enumerable.Range(0, 9_999)
            .Select(i => new { id = $"C-{i}", memberExternalId = i % 2 == 0 ? "D-1" : "D-2", sku = "X", units = 1, occurredAt = at })
            .Append(new { id = "C-0", memberExternalId = "D-1", sku = "X", units = 2, occurredAt = at })
            .ToArray();

        var response = await _client.PostAsJsonAsync("/api/v1/sales/batch", new { sales = items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Json()).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(items.Select(i => i.id), results.Select(r => r.GetProperty("id").GetString()));
        Assert.All(results[..9_999], r => Assert.Equal("created", r.GetProperty("status").GetString()));
        Assert.Equal("duplicate_sale_conflict", results[9_999].GetProperty("error").GetProperty("code").GetString());
        // 5,000 units: 1,000 × 1 + 4,000 × 1.5 = 7,000 points; 4,999 units: 1,000 + 3,999 × 1.5 = 6,998.5.
        Assert.Equal(7_000m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
        Assert.Equal(6_998.5m, (await _client.GetJson("/api/v1/members/D-2")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_batch_over_ten_thousand_items_is_refused_whole()
    {
        var items = Enumerable.Range(0, 10_001).Select(i => new { id = $"X{i}", memberExternalId = "D", sku = "X", units = 1, occurredAt = DateTimeOffset.UtcNow });
        var response = await _client.PostAsJsonAsync("/api/v1/sales/batch", new { sales = items });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sales", (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task One_sale_id_posted_at_once_through_the_single_and_the_batch_endpoint_is_counted_once()
    {
        await _client.CreateMember("D-1");
        var at = DateTimeOffset.UtcNow;
        var sale = new { id = "S-1", memberExternalId = "D-1", sku = "SKU-1", units = 700, occurredAt = at };
        var requests = Enumerable.Range(0, 20).SelectMany(_ => new[]
        {
            _client.PostSale("S-1", "D-1", 700, at),
            _client.PostAsJsonAsync("/api/v1/sales/batch", new { sales = new[] { sale, sale } }),
        });

        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal(700, member.GetProperty("unitsThisYear").GetInt64());
        Assert.Equal(700m, member.GetProperty("balance").GetDecimal());
        Assert.Equal(1, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sixty_four_concurrent_sales_for_one_member_add_up_exactly()
    {
        await _client.CreateMember("D-1");
        var tasks = Enumerable.Range(1, 64).Select(i => _client.PostSale($"C-{i}", "D-1", 40 + i));
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var units = Enumerable.Range(1, 64).Sum(i => 40 + i);
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal(units, member.GetProperty("unitsThisYear").GetInt64());
        Assert.Equal(LoyaltyBot.Core.Earning.EarningRule.Default.PointsFor(0, units), member.GetProperty("balance").GetDecimal());
        var ledger = await _client.GetJson("/api/v1/members/D-1/ledger?pageSize=200");
        Assert.Equal(64, ledger.GetProperty("total").GetInt32());
        Assert.Equal(member.GetProperty("balance").GetDecimal(),
            ledger.GetProperty("items").EnumerateArray().Sum(e => e.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_sale_from_last_year_earns_on_last_years_units_and_leaves_this_years_tier_alone()
    {
        await _client.CreateMember("D-1");
        var lastYear = DateTimeOffset.UtcNow.AddYears(-1);
        await _client.PostSale("L-1", "D-1", 1500, lastYear);
        var member = await _client.GetJson("/api/v1/members/D-1");
        Assert.Equal(0, member.GetProperty("unitsThisYear").GetInt64());
        Assert.Equal("Bronze", member.GetProperty("tier").GetString());
        Assert.Equal(1750m, member.GetProperty("balance").GetDecimal());
    }
}
