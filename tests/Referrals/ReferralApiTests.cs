using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>The managers' referral endpoints: the applications queue, a member's invitees and the program's funnel.</summary>
public sealed class ReferralApiTests : IDisposable
{
    private readonly ReferralScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Applications_are_listed_newest_first_and_filtered_by_status()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code, company: "Первая", phone: "+79160000001");
        await ReferralScenario.Register(_s.Chat("2002"), code, company: "Вторая", phone: "+79160000002");
        var firstId = (await _s.Applications()).Single(a => a.GetProperty("number").GetInt64() == 1).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await _s.Approve(firstId!)).StatusCode);

        var all = await _s.Applications();
        var pending = await _s.Applications("pending");
        var approved = await _s.Applications("Approved");

        Assert.Equal(["Вторая", "Первая"], all.Select(a => a.GetProperty("companyName").GetString()));
        Assert.Equal("Вторая", Assert.Single(pending).GetProperty("companyName").GetString());
        Assert.Equal("REF-000001", Assert.Single(approved).GetProperty("memberExternalId").GetString());
        Assert.Empty(await _s.Applications("rejected"));
    }

    [Fact]
    public async Task An_unknown_status_or_page_is_a_validation_problem_naming_the_field()
    {
        var manager = await _s.Manager();

        var status = await manager.GetAsync("/api/v1/applications?status=maybe");
        var numeric = await manager.GetAsync("/api/v1/applications?status=1");
        var page = await manager.GetAsync("/api/v1/applications?page=0");

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        var problem = await status.Json();
        Assert.Equal("invalid_value", problem.GetProperty("code").GetString());
        Assert.Equal("status", problem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        Assert.Equal("page", (await page.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Approving_with_a_chosen_external_id_creates_that_member_and_links_the_applicants_chat()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = _s.Chat("2001");
        await ReferralScenario.Register(newcomer, code, company: "ООО «Ромашка»", region: "Львов");
        var id = await _s.PendingId();

        var approved = await _s.Approve(id, " D-777 ");

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Json();
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal("D-777", body.GetProperty("memberExternalId").GetString());
        Assert.Equal(100m, body.GetProperty("welcomeBonus").GetDecimal());
        Assert.StartsWith("api-key:", body.GetProperty("decidedBy").GetString());
        var member = await _s.Admin.GetJson("/api/v1/members/D-777");
        Assert.Equal("ООО «Ромашка»", member.GetProperty("name").GetString());
        Assert.Equal("Львов", member.GetProperty("region").GetString());
        Assert.Equal("ru", member.GetProperty("language").GetString());
        Assert.Contains("Баланс: 100 баллов", ReferralScenario.Text(await newcomer.Say("/balance")));
    }

    [Fact]
    public async Task Approval_mistakes_are_problems_with_codes_and_change_nothing()
    {
        await _s.Member("D-1", "1500");
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code);
        var id = await _s.PendingId();
        var manager = await _s.Manager();

        var unknown = await _s.Approve("0123456789abcdef0123456789abcdef");
        var duplicate = await _s.Approve(id, "D-1");
        var tooLong = await _s.Approve(id, new string('x', 65));
        var emptyBody = await manager.PostAsync($"/api/v1/applications/{id}/approve", null);
        var twice = await _s.Approve(id);

        await AssertProblem(unknown, HttpStatusCode.NotFound, "unknown_application");
        await AssertProblem(duplicate, HttpStatusCode.Conflict, "duplicate_member");
        await AssertProblem(tooLong, HttpStatusCode.BadRequest, "too_long");
        Assert.Equal(HttpStatusCode.OK, emptyBody.StatusCode);
        Assert.Equal("REF-000001", (await emptyBody.Json()).GetProperty("memberExternalId").GetString());
        await AssertProblem(twice, HttpStatusCode.Conflict, "application_decided");
    }

    [Fact]
    public async Task An_applicant_whose_chat_joined_another_way_meanwhile_cannot_be_approved()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code);
        var id = await _s.PendingId();
        var created = await _s.Admin.CreateMember("D-2", "Другой дилер");
        await _s.Chat("2001").Say((await created.Json()).GetProperty("joinCode").GetString()!);

        var approved = await _s.Approve(id);

        await AssertProblem(approved, HttpStatusCode.Conflict, "already_member");
        var missing = await _s.Admin.GetAsync("/api/v1/members/REF-000001");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Rejecting_records_the_reason_and_tells_the_applicant()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code);
        var id = await _s.PendingId();
        var manager = await _s.Manager();

        var tooLong = await manager.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = new string('x', 501) });
        var rejected = await manager.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = "Не наш профиль" });
        var again = await manager.PostAsJsonAsync($"/api/v1/applications/{id}/reject", new { reason = "ещё раз" });

        await AssertProblem(tooLong, HttpStatusCode.BadRequest, "too_long");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await rejected.Json();
        Assert.Equal("rejected", body.GetProperty("status").GetString());
        Assert.Equal("Не наш профиль", body.GetProperty("rejectReason").GetString());
        await AssertProblem(again, HttpStatusCode.Conflict, "application_decided");
        Assert.Contains("Причина: Не наш профиль", await _s.DeliveredTo("2001", "отклонена"));
    }

    [Fact]
    public async Task A_members_referrals_list_every_invitee_with_their_status()
    {
        var partner = await _s.Member("P-1", "1001");
        var code = await ReferralScenario.InviteCode(partner);
        await _s.Chat("2001").Say($"/start ref_{code}");
        _s.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReferralScenario.Register(_s.Chat("2002"), code, company: "Ждёт", phone: "+79160000002");
        _s.Clock.Advance(TimeSpan.FromMinutes(1));
        var qualified = await _s.RegisterAndApprove(_s.Chat("2003"), code, phone: "+79160000003", company: "Продаёт");
        await _s.Sale("S-1", qualified);

        var referrals = await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals");

        Assert.Equal(code, referrals.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, referrals.TryGetProperty("link", out var link) ? link.ValueKind : JsonValueKind.Null);
        var figures = referrals.GetProperty("figures");
        Assert.Equal(3, figures.GetProperty("invited").GetInt32());
        Assert.Equal(2, figures.GetProperty("registered").GetInt32());
        Assert.Equal(1, figures.GetProperty("approved").GetInt32());
        Assert.Equal(1, figures.GetProperty("qualified").GetInt32());
        Assert.Equal(500m, figures.GetProperty("bonusPoints").GetDecimal());
        var invitees = referrals.GetProperty("invitees").EnumerateArray().ToArray();
        Assert.Equal(["qualified", "pending", "invited"], invitees.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal("Продаёт", invitees[0].GetProperty("companyName").GetString());
        Assert.Equal(qualified, invitees[0].GetProperty("memberExternalId").GetString());
        Assert.Equal("test", invitees[2].GetProperty("channel").GetString());
        Assert.False(invitees[2].TryGetProperty("companyName", out _));
    }

    [Fact]
    public async Task A_members_code_is_made_on_the_first_api_request_and_chat_invites_with_the_same_code()
    {
        var partner = await _s.Member("P-1", "1001");

        var first = (await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals")).GetProperty("code").GetString();
        var again = (await (await _s.Manager()).GetJson("/api/v1/members/P-1/referrals")).GetProperty("code").GetString();

        Assert.Matches("^[2-9A-HJ-NP-Z]{12}$", first);
        Assert.Equal(first, again);
        Assert.Equal(first, await ReferralScenario.InviteCode(partner));
    }

    [Fact]
    public async Task Referrals_of_an_unknown_member_are_not_found()
    {
        var response = await (await _s.Manager()).GetAsync("/api/v1/members/NOPE/referrals");

        await AssertProblem(response, HttpStatusCode.NotFound, "unknown_member");
    }

    [Fact]
    public async Task Stats_show_the_funnel_its_conversion_and_the_top_referrers()
    {
        var best = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001", "Лучший"));
        var other = await ReferralScenario.InviteCode(await _s.Member("P-2", "1002", "Второй"));
        await _s.Member("P-3", "1003", "Без приглашений");
        var sold = await _s.RegisterAndApprove(_s.Chat("2001"), best, phone: "+79160000001");
        await _s.Sale("S-1", sold);
        await ReferralScenario.Register(_s.Chat("2002"), other, phone: "+79160000002");
        await _s.Chat("2003").Say($"/ref {other}");
        await _s.Chat("2004").Say($"/ref {other}");

        var stats = await (await _s.Manager()).GetJson("/api/v1/referrals/stats");
        var onlyOne = await (await _s.Manager()).GetJson("/api/v1/referrals/stats?top=1");

        var totals = stats.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("invited").GetInt32());
        Assert.Equal(2, totals.GetProperty("registered").GetInt32());
        Assert.Equal(1, totals.GetProperty("approved").GetInt32());
        Assert.Equal(1, totals.GetProperty("qualified").GetInt32());
        Assert.Equal(500m, totals.GetProperty("bonusPoints").GetDecimal());
        var conversion = stats.GetProperty("conversion");
        Assert.Equal(50m, conversion.GetProperty("registeredOfInvited").GetDecimal());
        Assert.Equal(50m, conversion.GetProperty("approvedOfRegistered").GetDecimal());
        Assert.Equal(100m, conversion.GetProperty("qualifiedOfApproved").GetDecimal());
        Assert.Equal(25m, conversion.GetProperty("qualifiedOfInvited").GetDecimal());
        var top = stats.GetProperty("topReferrers").EnumerateArray().ToArray();
        Assert.Equal(["P-1", "P-2"], top.Select(t => t.GetProperty("externalId").GetString()));
        Assert.Equal(3, top[1].GetProperty("figures").GetProperty("invited").GetInt32());
        Assert.Equal(33.3m, top[1].GetProperty("conversion").GetProperty("registeredOfInvited").GetDecimal());
        Assert.Equal("P-1", Assert.Single(onlyOne.GetProperty("topReferrers").EnumerateArray()).GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task The_kpi_report_gives_the_referral_conversion_of_the_chats_invited_in_the_period()
    {
        var best = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001", "Лучший"));
        var other = await ReferralScenario.InviteCode(await _s.Member("P-2", "1002", "Второй"));
        var sold = await _s.RegisterAndApprove(_s.Chat("2001"), best, phone: "+79160000001");
        await _s.Sale("S-1", sold);
        await ReferralScenario.Register(_s.Chat("2002"), other, phone: "+79160000002");
        await _s.Chat("2003").Say($"/ref {other}");
        await _s.Chat("2004").Say($"/ref {other}");

        var june = await (await _s.Manager()).GetJson("/api/v1/reports/kpi?from=2026-06-01&to=2026-07-01");
        var may = await (await _s.Manager()).GetJson("/api/v1/reports/kpi?from=2026-05-01&to=2026-06-01");

        var conversion = june.GetProperty("referralConversion");
        Assert.Equal(4, conversion.GetProperty("invited").GetInt32());
        Assert.Equal(2, conversion.GetProperty("registered").GetInt32());
        Assert.Equal(1, conversion.GetProperty("qualified").GetInt32());
        Assert.Equal(0.5m, conversion.GetProperty("registeredRate").GetDecimal());
        Assert.Equal(0.5m, conversion.GetProperty("qualifiedRate").GetDecimal());
        Assert.Equal(0, may.GetProperty("referralConversion").GetProperty("invited").GetInt32());
    }

    [Fact]
    public async Task Top_must_be_between_1_and_100()
    {
        var response = await (await _s.Manager()).GetAsync("/api/v1/referrals/stats?top=0");

        await AssertProblem(response, HttpStatusCode.BadRequest, "out_of_range");
    }

    [Theory]
    [InlineData("GET", "/api/v1/applications")]
    [InlineData("POST", "/api/v1/applications/x/approve")]
    [InlineData("POST", "/api/v1/applications/x/reject")]
    [InlineData("GET", "/api/v1/members/P-1/referrals")]
    [InlineData("GET", "/api/v1/referrals/stats")]
    public async Task The_referral_endpoints_need_a_manager_key(string method, string url)
    {
        var integration = _s.Api.ClientWithKey(await _s.Api.KeyFor("integration"));
        var anonymous = _s.Api.CreateClient();

        var forbidden = await integration.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var unauthorized = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Json()).GetProperty("code").GetString());
    }
}
