using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class WebhookTests
{
    private const string Secret = "s3cret-0123456789abcdef";

    private static readonly Dictionary<string, string?> Loopback = new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:PollSeconds"] = "0",
        ["Webhooks:RetryBaseSeconds"] = "10",
    };

    [Fact]
    public async Task Events_are_signed_with_the_secret_and_a_500_is_retried_after_the_backoff()
    {
        using var receiver = new LoopbackReceiver();
        using var s = new RewardsScenario(Loopback);
        var id = await Subscribe(s, receiver.Url, "member.created", "points.changed");
        var dispatcher = s.Api.Services.GetRequiredService<WebhookDispatcher>();
        receiver.Answer(500);

        await s.Member("D-1", points: 100);
        Assert.Equal(2, await dispatcher.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        var pending = (await Deliveries(s, id)).Single(d => d.GetProperty("status").GetString() == "pending");
        Assert.Equal(500, Assert.Single(pending.GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());
        Assert.Equal(s.Clock.GetUtcNow().AddSeconds(10), pending.GetProperty("nextAttemptAt").GetDateTimeOffset());

        s.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));

        Assert.All(await Deliveries(s, id), d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
        Assert.Equal(3, receiver.Received.Count);
        foreach (var (body, signature, _, _) in receiver.Received)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
            Assert.Equal(expected, signature);
        }

        var points = JsonDocument.Parse(receiver.Received.Single(r => r.EventType == "points.changed").Body).RootElement;
        Assert.Equal("D-1", points.GetProperty("data").GetProperty("externalId").GetString());
        Assert.Equal(100m, points.GetProperty("data").GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Tier_changes_and_redemption_status_changes_are_written_with_the_change()
    {
        using var s = new RewardsScenario(Loopback);
        var id = await Subscribe(s, "https://crm.example.com/hooks", "member.tier_changed", "redemption.status_changed");
        await s.Member("D-1", points: 1000);
        var reward = await s.Reward(costPoints: 100);

        Assert.True((await s.Admin.PostSale("S-1", "D-1", 1001, s.Clock.GetUtcNow())).IsSuccessStatusCode);
        await s.Redeemed("D-1", reward);

        var types = (await Deliveries(s, id)).Select(d => d.GetProperty("eventType").GetString()!).Order().ToArray();
        Assert.Equal(["member.tier_changed", "redemption.status_changed"], types);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hooks", "refused_target")]
    [InlineData("https://localhost:8443/hooks", "refused_target")]
    [InlineData("https://10.1.2.3/hooks", "refused_target")]
    [InlineData("https://169.254.169.254/latest/meta-data", "refused_target")]
    [InlineData("https://[::1]/hooks", "refused_target")]
    [InlineData("https://[64:ff9b::7f00:1]/hooks", "refused_target")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hooks", "refused_target")]
    [InlineData("https://[2002:7f00:1::]/hooks", "refused_target")]
    [InlineData("http://crm.example.com/hooks", "invalid_value")]
    public async Task Loopback_private_link_local_and_plain_http_targets_are_refused_by_default(string url, string code)
    {
        using var s = new RewardsScenario();
        var response = await s.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "member.created" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("url", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_target_that_resolves_to_a_private_address_at_delivery_time_is_refused_and_not_retried()
    {
        using var receiver = new LoopbackReceiver();
        using var s = new RewardsScenario(new Dictionary<string, string?> { ["Webhooks:AllowHttp"] = "true", ["Webhooks:PollSeconds"] = "0" });
        // As if DNS had changed after the subscription was checked: stored directly, bypassing the creation check.
        await s.Api.Services.GetRequiredService<IStoreWriter>().WriteAsync(st =>
        {
            st.Set<WebhookSubscription>().Insert(new WebhookSubscription { Id = "sub-1", Url = receiver.Url, Secret = Secret, EventTypes = ["member.created"] });
            return true;
        });

        await s.Member("D-1");
        await s.Api.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(await Deliveries(s, "sub-1"));
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.StartsWith("refused_target", Assert.Single(delivery.GetProperty("attempts").EnumerateArray()).GetProperty("error").GetString());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks_and_the_secret_is_masked_after_creation()
    {
        using var s = new RewardsScenario(Loopback);
        var manager = s.Api.ClientWithKey(await s.Api.KeyFor("manager"));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/webhooks")).StatusCode);

        var id = await Subscribe(s, "https://crm.example.com/hooks", "points.changed");
        var listed = (await s.Admin.GetJson($"/api/v1/webhooks/{id}")).GetProperty("secret").GetString();
        Assert.Equal("****cdef", listed);
    }

    private static async Task<string> Subscribe(RewardsScenario s, string url, params string[] eventTypes)
    {
        var response = await s.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url, secret = Secret, eventTypes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(Secret, body.GetProperty("secret").GetString());
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement[]> Deliveries(RewardsScenario s, string id) =>
        (await s.Admin.GetJson($"/api/v1/webhooks/{id}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
}
