using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>The welcome bonus on approval and the referrer's bonus on the referee's first qualifying sale: each exactly once.</summary>
public sealed class ReferralBonusTests
{
    [Fact]
    public async Task Approval_pays_the_welcome_bonus_once_as_a_referral_bonus_entry_referencing_the_application()
    {
        using var s = new ReferralScenario();
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        await ReferralScenario.Register(s.Chat("2001"), code);
        var id = await s.PendingId();

        var approved = await s.Approve(id);
        var again = await s.Approve(id);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var welcome = Assert.Single(await s.ReferralBonuses("REF-000001"));
        Assert.Equal(100m, welcome.GetProperty("amount").GetDecimal());
        Assert.Equal($"referral:{id}", welcome.GetProperty("sourceRef").GetString());
        Assert.Equal(100m, await s.Balance("REF-000001"));
        Assert.Empty(await s.ReferralBonuses("P-1"));
    }

    [Fact]
    public async Task A_qualifying_first_sale_emits_one_referral_qualified_webhook()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Webhooks:PollSeconds"] = "0" });
        var subscribed = await s.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://crm.example.com/hooks", eventTypes = new[] { "referral.qualified" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = (await subscribed.Json()).GetProperty("id").GetString();
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");
        var id = Assert.Single(await s.Applications()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", referee)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-2", referee)).StatusCode);

        var deliveries = (await s.Admin.GetJson($"/api/v1/webhooks/{subscription}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
        var delivery = Assert.Single(deliveries);
        Assert.Equal("referral.qualified", delivery.GetProperty("eventType").GetString());
        var data = System.Text.Json.JsonDocument.Parse(delivery.GetProperty("body").GetString()!).RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("referralId").GetString());
        Assert.Equal("S-1", data.GetProperty("saleId").GetString());
        Assert.Equal(500m, data.GetProperty("bonus").GetDecimal());
    }

    [Fact]
    public async Task The_referrer_earns_the_bonus_once_for_the_first_sale_even_when_it_is_replayed_or_more_come_in_a_batch()
    {
        using var s = new ReferralScenario();
        var partner = await s.Member("P-1", "1001");
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(partner), phone: "+79161234567");
        var id = Assert.Single(await s.Applications()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", referee)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Sale("S-1", referee)).StatusCode);
        var batch = await s.Admin.PostAsJsonAsync("/api/v1/sales/batch", new
        {
            sales = new[]
            {
                new { id = "S-1", memberExternalId = referee, sku = "SKU-1", units = 1L, occurredAt = s.Clock.GetUtcNow() },
                new { id = "S-2", memberExternalId = referee, sku = "SKU-1", units = 3L, occurredAt = s.Clock.GetUtcNow() },
                new { id = "S-3", memberExternalId = referee, sku = "SKU-1", units = 5L, occurredAt = s.Clock.GetUtcNow() },
            },
        });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);

        var bonus = Assert.Single(await s.ReferralBonuses("P-1"));
        Assert.Equal(500m, bonus.GetProperty("amount").GetDecimal());
        Assert.Equal($"referral:{id}", bonus.GetProperty("sourceRef").GetString());
        Assert.Equal(500m, await s.Balance("P-1"));
        Assert.Single(await s.ReferralBonuses(referee));
        var application = Assert.Single(await s.Applications("approved"));
        Assert.Equal("paid", application.GetProperty("referrerBonusOutcome").GetString());
        Assert.Contains("+500 баллов за приглашение: компания «ООО «Ромашка»» сделала первую продажу", await s.DeliveredTo("1001", "за приглашение"));
        var card = ReferralScenario.Text(await partner.Say("/invite"));
        Assert.Contains("Приглашено: 1 · зарегистрировались: 1 · одобрены: 1 · сделали первую продажу: 1", card);
        Assert.Contains("Бонусов получено: 500 баллов", card);
    }

    [Fact]
    public async Task A_first_sale_arriving_in_a_batch_pays_the_referrer_once()
    {
        using var s = new ReferralScenario();
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");

        var batch = await s.Admin.PostAsJsonAsync("/api/v1/sales/batch", new
        {
            sales = Enumerable.Range(1, 5).Select(i => new { id = $"B-{i}", memberExternalId = referee, sku = "SKU-1", units = 1L, occurredAt = s.Clock.GetUtcNow() }).ToArray(),
        });

        Assert.Equal(5, (await batch.Json()).GetProperty("created").GetInt32());
        Assert.Single(await s.ReferralBonuses("P-1"));
        Assert.Equal(500m, await s.Balance("P-1"));
    }

    [Fact]
    public async Task A_first_sale_after_the_window_pays_no_referrer_bonus()
    {
        using var s = new ReferralScenario();
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");

        s.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", referee)).StatusCode);

        Assert.Empty(await s.ReferralBonuses("P-1"));
        var invitee = Assert.Single((await (await s.Manager()).GetJson("/api/v1/members/P-1/referrals")).GetProperty("invitees").EnumerateArray());
        Assert.Equal("approved", invitee.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_sale_that_occurred_before_the_approval_does_not_qualify_and_a_later_one_does()
    {
        using var s = new ReferralScenario();
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");

        Assert.Equal(HttpStatusCode.Created, (await s.Admin.PostSale("S-0", referee, 1, s.Clock.GetUtcNow().AddDays(-3))).StatusCode);
        Assert.Empty(await s.ReferralBonuses("P-1"));
        await s.Sale("S-1", referee);

        Assert.Single(await s.ReferralBonuses("P-1"));
    }

    [Fact]
    public async Task A_sale_below_the_configured_minimum_does_not_qualify_and_a_later_one_does()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Referrals:QualifyingMinUnits"] = "10" });
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");

        await s.Sale("S-1", referee, units: 9);
        Assert.Empty(await s.ReferralBonuses("P-1"));
        await s.Sale("S-2", referee, units: 10);

        Assert.Single(await s.ReferralBonuses("P-1"));
    }

    [Fact]
    public async Task The_monthly_cap_stops_referrer_bonuses_until_the_next_month_and_the_referrer_is_told()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Referrals:MonthlyCapPerReferrer"] = "1" });
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        var first = await s.RegisterAndApprove(s.Chat("2001"), code, phone: "+79160000001", company: "Первая");
        var second = await s.RegisterAndApprove(s.Chat("2002"), code, phone: "+79160000002", company: "Вторая");

        await s.Sale("S-1", first);
        await s.Sale("S-2", second);

        Assert.Equal(500m, await s.Balance("P-1"));
        Assert.Contains("в этом месяце вы уже получили максимум — 1 бонус", await s.DeliveredTo("1001", "Бонус не начислен"));
        var invitees = (await (await s.Manager()).GetJson("/api/v1/members/P-1/referrals")).GetProperty("invitees").EnumerateArray().ToArray();
        Assert.Equal(["monthlyCap", "paid"], invitees.Select(i => i.GetProperty("referrerBonusOutcome").GetString()).Order());
        Assert.All(invitees, i => Assert.Equal("qualified", i.GetProperty("status").GetString()));

        s.Clock.Advance(TimeSpan.FromDays(31));
        var third = await s.RegisterAndApprove(s.Chat("2003"), code, phone: "+79160000003", company: "Третья");
        await s.Sale("S-3", third);
        Assert.Equal(1000m, await s.Balance("P-1"));
    }

    [Fact]
    public async Task A_blocked_referrer_earns_no_bonus_for_an_invitee_who_qualifies_later()
    {
        using var s = new ReferralScenario();
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(await s.Member("P-1", "1001")), phone: "+79161234567");
        await (await s.Manager()).PostAsync("/api/v1/members/P-1/block", null);

        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", referee)).StatusCode);

        Assert.Empty(await s.ReferralBonuses("P-1"));
        Assert.Equal("referrerBlocked", Assert.Single(await s.Applications()).GetProperty("referrerBonusOutcome").GetString());
    }

    [Fact]
    public async Task Sales_of_members_who_joined_without_a_referral_change_nothing()
    {
        using var s = new ReferralScenario();
        await s.Member("D-1", "1001");

        Assert.Equal(HttpStatusCode.Created, (await s.Sale("S-1", "D-1")).StatusCode);

        Assert.Empty(await s.ReferralBonuses("D-1"));
    }

    [Fact]
    public async Task Bonus_amounts_come_from_configuration()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?>
        {
            ["Referrals:ReferrerBonus"] = "250",
            ["Referrals:RefereeWelcomeBonus"] = "0",
        });
        var partner = await s.Member("P-1", "1001");
        var referee = await s.RegisterAndApprove(s.Chat("2001"), await ReferralScenario.InviteCode(partner), phone: "+79161234567");

        await s.Sale("S-1", referee);

        Assert.Empty(await s.ReferralBonuses(referee));
        Assert.Equal(250m, await s.Balance("P-1"));
        var card = ReferralScenario.Text(await partner.Say("/invite"));
        Assert.Contains("вы получите 250 баллов", card);
        Assert.DoesNotContain("приветственный бонус", card);
    }
}
