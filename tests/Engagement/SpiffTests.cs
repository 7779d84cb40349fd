using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Core.Spiffs;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Engagement;

public sealed class SpiffTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-06-10T00:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-06-15T00:00:00Z");

    private static readonly Dictionary<string, string?> NoClock = new() { ["Spiffs:PollSeconds"] = "0" };

    [Fact]
    public async Task Sales_exactly_at_the_start_and_just_before_the_end_earn_the_bonus_and_sales_outside_the_window_do_not()
    {
        using var s = new RewardsScenario(NoClock);
        await s.Member("D-1");
        var id = await CreateSpiff(s, new { title = "Декабрьский рывок", skus = new[] { "sku-x" }, pointsPerUnit = 2, from = From, to = To });

        await Sale(s, "S-before", From.AddMilliseconds(-1));
        await Sale(s, "S-start", From);
        await Sale(s, "S-last", To.AddMilliseconds(-1));
        await Sale(s, "S-end", To);
        await Sale(s, "S-other-sku", From.AddDays(1), sku: "SKU-Y");

        var spiffs = (await s.Ledger("D-1")).Where(e => e.GetProperty("kind").GetString() == "spiff").ToArray();
        Assert.Equal(2, spiffs.Length);
        Assert.All(spiffs, e => Assert.Equal(6m, e.GetProperty("amount").GetDecimal()));
        Assert.All(spiffs, e => Assert.Equal($"spiff:{id}", e.GetProperty("sourceRef").GetString()));
        Assert.Equal(5 * 3 + 2 * 6, await s.Balance("D-1"));
    }

    [Fact]
    public async Task A_replayed_sale_earns_the_bonus_once()
    {
        using var s = new RewardsScenario(NoClock);
        await s.Member("D-1");
        await CreateSpiff(s, new { title = "Рывок", skus = new[] { "SKU-X" }, pointsPerUnit = 2, from = From, to = To });

        await Sale(s, "S-1", From);
        await Sale(s, "S-1", From);

        Assert.Equal(3 + 6, await s.Balance("D-1"));
    }

    [Fact]
    public async Task Tier_and_region_restrictions_keep_other_members_out_and_a_deactivated_spiff_pays_nothing()
    {
        using var s = new RewardsScenario(NoClock);
        await s.Admin.PostAsJsonAsync("/api/v1/members", new { externalId = "D-1", name = "A", region = "Москва" });
        await s.Admin.PostAsJsonAsync("/api/v1/members", new { externalId = "D-2", name = "B", region = "Казань" });
        await CreateSpiff(s, new { title = "Москва", skus = new[] { "SKU-X" }, pointsPerUnit = 1, from = From, to = To, regions = new[] { "москва" } });
        var gold = await CreateSpiff(s, new { title = "Gold", skus = new[] { "SKU-X" }, pointsPerUnit = 10, from = From, to = To, tiers = new[] { "gold" } });
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.PostAsync($"/api/v1/spiffs/{gold}/deactivate", null)).StatusCode);

        await Sale(s, "S-1", From, member: "D-1");
        await Sale(s, "S-2", From, member: "D-2");

        Assert.Equal(3 + 3, await s.Balance("D-1"));
        Assert.Equal(3, await s.Balance("D-2"));
    }

    [Fact]
    public async Task Eligible_members_are_told_once_when_it_starts_and_offers_lists_it()
    {
        using var s = new RewardsScenario(NoClock);
        var moscow = await LinkedInRegion(s, "D-1", "1001", "Москва");
        await LinkedInRegion(s, "D-2", "1002", "Казань");
        var now = s.Clock.GetUtcNow();
        await CreateSpiff(s, new { title = "Летний рывок", skus = new[] { "SKU-X" }, pointsPerUnit = 2, from = now.AddHours(1), to = now.AddDays(10), tiers = new[] { "Bronze" }, regions = new[] { "Москва" } });
        var announcements = s.Api.Services.GetRequiredService<SpiffAnnouncements>();

        Assert.Contains("нет акций", RewardsScenario.Text(await moscow.Say("/offers")));
        Assert.Equal(0, await announcements.AnnounceDueAsync(CancellationToken.None));
        s.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await announcements.AnnounceDueAsync(CancellationToken.None));
        Assert.Equal(0, await announcements.AnnounceDueAsync(CancellationToken.None));

        var told = await s.DeliveredTo("1001", "Летний рывок");
        Assert.Contains("+2 балла за единицу: SKU-X", told);
        Assert.Contains("+2 балла за единицу", RewardsScenario.Text(await moscow.Say("/offers")));
        Assert.Single(s.Channel.Delivered, d => d.ChatId == "1001" && d.Message.Text.ToPlainText().Contains("Летний рывок"));
    }

    [Fact]
    public async Task Points_with_more_than_two_decimals_are_refused_for_spiffs_and_badges()
    {
        using var s = new RewardsScenario(NoClock);

        var spiff = await s.Admin.PostAsJsonAsync("/api/v1/spiffs", new { title = "X", skus = new[] { "SKU-X" }, pointsPerUnit = 1.333m, from = From, to = To });
        var badge = await s.Admin.PostAsJsonAsync("/api/v1/achievements/rules", new { kind = "firstSale", name = "Первая", points = 0.005m });

        Assert.Equal(HttpStatusCode.BadRequest, spiff.StatusCode);
        Assert.Equal("pointsPerUnit", (await spiff.Json()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badge.StatusCode);
        Assert.Equal("points", (await badge.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_invalid_window_is_a_validation_problem_naming_the_field()
    {
        using var s = new RewardsScenario(NoClock);
        var response = await s.Admin.PostAsJsonAsync("/api/v1/spiffs", new { title = "X", skus = new[] { "SKU-X" }, pointsPerUnit = 2, from = To, to = To });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("to", (await response.Json()).GetProperty("field").GetString());
    }

    private static async Task<string> CreateSpiff(RewardsScenario s, object body)
    {
        var response = await s.Admin.PostAsJsonAsync("/api/v1/spiffs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    private static async Task<ChatDriver> LinkedInRegion(RewardsScenario s, string externalId, string userId, string region)
    {
        var created = await s.Admin.PostAsJsonAsync("/api/v1/members", new { externalId, name = "Дилер " + externalId, region });
        var chat = new ChatDriver(s.Api.Services, userId);
        await chat.Say((await created.Json()).GetProperty("joinCode").GetString()!);
        return chat;
    }

    private static async Task Sale(RewardsScenario s, string id, DateTimeOffset at, string sku = "SKU-X", string member = "D-1")
    {
        var response = await s.Admin.PostSale(id, member, 3, at, sku);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
