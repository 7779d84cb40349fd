using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Api;

public sealed class AuthTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ApiFactory _api;

    public AuthTests() => _api = new ApiFactory(_folder.File("loyalty.db"));

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_request_without_a_key_gets_401_problem_details()
    {
        var response = await _api.CreateClient().GetAsync("/api/v1/members");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("missing_api_key", (await response.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_wrong_key_gets_401()
    {
        var response = await _api.ClientWithKey("lbk_nope_nope").GetAsync("/api/v1/members");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (await response.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_integration_key_may_post_sales_but_not_adjust_points_or_manage_keys()
    {
        var integration = _api.ClientWithKey(await _api.KeyFor("integration"));
        Assert.Equal(HttpStatusCode.Created, (await integration.CreateMember("D-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await integration.PostSale("S-1", "D-1", 10)).StatusCode);

        var adjust = await integration.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 5, reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, adjust.StatusCode);
        Assert.Equal("forbidden", (await adjust.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task A_manager_key_may_adjust_points_but_not_create_keys()
    {
        var manager = _api.ClientWithKey(await _api.KeyFor("manager"));
        await manager.CreateMember("D-1");
        var adjust = await manager.PostAsJsonAsync("/api/v1/members/D-1/adjustments", new { amount = 5, reason = "welcome" });
        Assert.Equal(HttpStatusCode.Created, adjust.StatusCode);
        var create = await manager.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var admin = _api.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "erp", role = "integration" })).Json();
        var client = _api.ClientWithKey(created.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/members")).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/members")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_salted_hashes_and_listed_without_secrets()
    {
        var secret = await _api.KeyFor("integration");
        var list = await (await _api.Admin().GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list);
        _api.Dispose();
        var bytes = await File.ReadAllBytesAsync(_api.DatabasePath);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain(ApiFactory.AdminKey, System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task A_created_key_s_location_shows_the_key_without_its_secret()
    {
        var admin = _api.Admin();
        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "erp", role = "integration" });
        var secret = (await created.Json()).GetProperty("key").GetString()!;

        var shown = await admin.GetAsync(created.Headers.Location);
        var unknown = await admin.GetAsync("/api/v1/api-keys/nope");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var body = await shown.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, body);
        Assert.Equal("integration", (await shown.Json()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("api_key_not_found", (await unknown.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked_until_there_is_another()
    {
        var admin = _api.Admin();

        var refused = await admin.DeleteAsync("/api/v1/api-keys/configured-admin");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("last_admin_key", (await refused.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/api-keys")).StatusCode);

        var second = _api.ClientWithKey(await _api.KeyFor("admin"));
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync("/api/v1/api-keys/configured-admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_a_400_naming_the_field()
    {
        var response = await _api.Admin().PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "root" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("role", (await response.Json()).GetProperty("field").GetString());
    }
}
