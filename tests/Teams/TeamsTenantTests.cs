using System.Net;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Teams;

public sealed class TeamsTenantTests
{
    private const string Fixture = "message_personal_with_aadObjectId_2018.json";
    private const string FixtureTenant = "09e852a2-4575-45f7-9586-7cc3acfdc715";

    [Fact]
    public async Task An_activity_from_a_tenant_off_the_allowed_list_is_refused_and_nothing_is_processed()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = "11111111-2222-3333-4444-555555555555" });

        var response = await host.PostFixture(Fixture);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("tenant_not_allowed", (await response.Json()).GetProperty("code").GetString());
        await Task.Delay(100);
        Assert.Null(host.Identity("29:uniqueId"));
        Assert.DoesNotContain(host.Fake.Calls, c => c.Kind == "reply");
    }

    [Fact]
    public async Task An_activity_from_an_allowed_tenant_is_answered()
    {
        await using var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = FixtureTenant.ToUpperInvariant() });

        var response = await host.PostFixture(Fixture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Fake.Calls, c => c.Kind == "reply");
    }
}
