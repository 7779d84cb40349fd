using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Api;

public sealed class MembersTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public MembersTests()
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
    public async Task Creating_a_member_returns_201_with_the_profile()
    {
        var response = await _client.CreateMember("D-1", "ООО «Ромашка»", "Москва", "uk");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("D-1", body.GetProperty("externalId").GetString());
        Assert.Equal("ООО «Ромашка»", body.GetProperty("name").GetString());
        Assert.Equal("uk", body.GetProperty("language").GetString());
        Assert.Equal("Bronze", body.GetProperty("tier").GetString());
        Assert.Equal(0m, body.GetProperty("balance").GetDecimal());
        Assert.Equal(1001, body.GetProperty("unitsToNextTier").GetInt64());
    }

    [Fact]
    public async Task A_duplicate_external_id_is_a_409()
    {
        await _client.CreateMember("D-1");
        var response = await _client.CreateMember("D-1", "Other");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("duplicate_member", (await response.Json()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "externalId")]
    [InlineData("""{"externalId":"  ","name":"x"}""", "externalId")]
    [InlineData("""{"externalId":"D","name":""}""", "name")]
    [InlineData("""{"externalId":"D","name":"x","language":"de"}""", "language")]
    [InlineData("""{"externalId":"D","name":"a\u0000b"}""", "name")]
    public async Task An_invalid_member_is_a_400_naming_the_field(string json, string field)
    {
        var response = await _client.PostRaw("/api/v1/members", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Members_are_listed_in_pages_and_filtered_by_tier_and_region()
    {
        for (var i = 0; i < 7; i++)
        {
            await _client.CreateMember($"D-{i}", region: i % 2 == 0 ? "Москва" : "Киев");
        }

        await _client.PostSale("S", "D-0", 1500);
        var page = await _client.GetJson("/api/v1/members?page=2&pageSize=3");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.Equal(4, (await _client.GetJson("/api/v1/members?region=Москва")).GetProperty("total").GetInt32());
        var silver = await _client.GetJson("/api/v1/members?tier=silver");
        Assert.Equal("D-0", silver.GetProperty("items")[0].GetProperty("externalId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/members?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_member_is_a_404()
    {
        var response = await _client.GetAsync("/api/v1/members/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_member", (await response.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_debit_adjustment_beyond_the_balance_is_refused_and_writes_nothing()
    {
        await _client.CreateMember("D-1");
        await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 100, reason = "welcome" });
        var response = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = -101, reason = "oops" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("insufficient_points", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(100m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
        Assert.Equal(1, (await _client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_adjustment_needs_a_reason()
    {
        await _client.CreateMember("D-1");
        var response = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reason", (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_adjustment_replayed_with_its_idempotency_key_is_applied_once()
    {
        await _client.CreateMember("D-1");
        var first = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" });
        var second = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(10m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task An_entry_s_time_reads_the_same_in_the_first_answer_its_replay_and_the_ledger()
    {
        using var folder = new TempFolder();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-06-15T09:00:00.1234567Z"));
        using var api = new ApiFactory(folder.File("loyalty.db"), clock);
        var client = api.Admin();
        await client.CreateMember("D-1");

        var first = await (await client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" })).Json();
        var replay = await (await client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" })).Json();
        var listed = (await client.GetJson("/api/v1/members/D-1/ledger")).GetProperty("items")[0];

        var at = first.GetProperty("at").GetString();
        Assert.Equal("2026-06-15T09:00:00.123+00:00", at);
        Assert.Equal(at, replay.GetProperty("at").GetString());
        Assert.Equal(at, listed.GetProperty("at").GetString());
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_adjustment_is_a_409_and_writes_nothing()
    {
        await _client.CreateMember("D-1");
        await _client.CreateMember("D-2");
        await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" });

        var otherAmount = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 99, reason = "bonus", idempotencyKey = "k1" });
        var otherMember = await _client.PostAsJsonAsync("/api/v1/members/D-2/adjustments", new { amount = 10, reason = "bonus", idempotencyKey = "k1" });

        foreach (var response in new[] { otherAmount, otherMember })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.Json();
            Assert.Equal("idempotency_conflict", problem.GetProperty("code").GetString());
            Assert.Equal("idempotencyKey", problem.GetProperty("field").GetString());
        }

        Assert.Equal(10m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
        Assert.Equal(0m, (await _client.GetJson("/api/v1/members/D-2")).GetProperty("balance").GetDecimal());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members/D-2/ledger")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(-2.125)]
    public async Task An_adjustment_with_more_than_two_decimals_is_refused(decimal amount)
    {
        await _client.CreateMember("D-1");
        await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 100, reason = "welcome" });

        var response = await _client.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount, reason = "tiny" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("amount", (await response.Json()).GetProperty("field").GetString());
        Assert.Equal(100m, (await _client.GetJson("/api/v1/members/D-1")).GetProperty("balance").GetDecimal());
    }

    [Theory]
    [InlineData("D 1/2")]
    [InlineData("D\\2")]
    public async Task An_external_id_with_a_path_separator_is_refused_because_no_route_could_reach_it(string externalId)
    {
        var response = await _client.CreateMember(externalId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal("invalid_value", problem.GetProperty("code").GetString());
        Assert.Equal("externalId", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_with_a_code()
    {
        var response = await _client.PostAsync("/api/v1/members", new StringContent("""{"externalId":"D-1","name":"x"}""", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unsupported_media_type", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(0, (await _client.GetJson("/api/v1/members")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_ledger_is_listed_newest_first()
    {
        await _client.CreateMember("D-1");
        await _client.PostSale("S-1", "D-1", 1);
        await _client.PostSale("S-2", "D-1", 2);
        var ledger = await _client.GetJson("/api/v1/members/D-1/ledger");
        Assert.Equal(["sale:S-2", "sale:S-1"], ledger.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sourceRef").GetString()));
    }

    [Fact]
    public async Task An_admin_can_grant_the_manager_role_and_unknown_roles_are_refused()
    {
        await _client.CreateMember("D-1");
        var granted = await _client.PostAsJsonAsync("/api/v1/members/D-1/roles", new { roles = new[] { "manager" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("manager", (await granted.Json()).GetProperty("roles")[0].GetString());

        var unknown = await _client.PostAsJsonAsync("/api/v1/members/D-1/roles", new { roles = new[] { "god" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("roles", (await unknown.Json()).GetProperty("field").GetString());

        var manager = _api.ClientWithKey(await _api.KeyFor("manager"));
        var forbidden = await manager.PostAsJsonAsync("/api/v1/members/D-1/roles", new { roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
