using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Rewards;

public sealed class RedemptionFulfilmentTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    private HttpClient Admin => _scenario.Admin;

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Approving_fulfils_with_the_voucher_and_records_who_did_it()
    {
        await _scenario.Member("D-1", 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());

        var response = await Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/approve", new { voucher = "GIFT-42", message = "Спасибо!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("fulfilled", body.GetProperty("status").GetString());
        Assert.Equal("GIFT-42", body.GetProperty("voucher").GetString());
        Assert.Equal("Спасибо!", body.GetProperty("message").GetString());
        var history = body.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(["pending", "fulfilled"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.StartsWith("api-key:", history[1].GetProperty("actor").GetString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task Approving_needs_no_body()
    {
        await _scenario.Member("D-1", 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());
        var response = await Admin.PostAsync($"/api/v1/redemptions/{id}/approve", null);
        Assert.Equal("fulfilled", (await response.Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rejecting_refunds_the_points_returns_the_stock_and_keeps_the_reason()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1250, stock: 2);
        var id = await _scenario.Redeemed("D-1", reward);

        var response = await Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "Товар снят с производства" });

        var body = await response.Json();
        Assert.Equal("rejected", body.GetProperty("status").GetString());
        Assert.Equal("Товар снят с производства", body.GetProperty("rejectReason").GetString());
        Assert.Equal("Товар снят с производства", body.GetProperty("history")[1].GetProperty("note").GetString());
        Assert.Equal(5000, await _scenario.Balance("D-1"));
        Assert.Equal(2, await _scenario.Stock(reward));
        var refund = (await _scenario.Ledger("D-1")).First();
        Assert.Equal("refund", refund.GetProperty("kind").GetString());
        Assert.Equal($"redemption:{id}", refund.GetProperty("sourceRef").GetString());
    }

    [Fact]
    public async Task Rejecting_twice_refunds_exactly_once()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);
        var id = await _scenario.Redeemed("D-1", reward);

        var responses = await Task.WhenAll(
            Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "первый" }),
            Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "второй" }));
        var third = await Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "третий" });

        Assert.All(responses.Append(third), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5000, await _scenario.Balance("D-1"));
        Assert.Equal(1, await _scenario.Stock(reward));
        Assert.Single(await _scenario.Ledger("D-1"), e => e.GetProperty("kind").GetString() == "refund");
        Assert.Equal(2, (await _scenario.Redemption(id)).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_fulfilled_redemption_cannot_be_rejected_and_a_rejected_one_cannot_be_approved()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward();
        var fulfilled = await _scenario.Redeemed("D-1", reward);
        var rejected = await _scenario.Redeemed("D-1", reward);
        await Admin.PostAsync($"/api/v1/redemptions/{fulfilled}/approve", null);
        await Admin.PostAsJsonAsync($"/api/v1/redemptions/{rejected}/reject", new { reason = "нет" });

        var reject = await Admin.PostAsJsonAsync($"/api/v1/redemptions/{fulfilled}/reject", new { reason = "передумали" });
        var approve = await Admin.PostAsync($"/api/v1/redemptions/{rejected}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        Assert.Equal("invalid_status", (await reject.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(4000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task A_reject_without_a_reason_is_a_400_and_the_redemption_stays_pending()
    {
        await _scenario.Member("D-1", 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());
        var response = await Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reason", (await response.Json()).GetProperty("field").GetString());
        Assert.Equal("pending", (await _scenario.Redemption(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_redemptions_are_404()
    {
        var approve = await Admin.PostAsync("/api/v1/redemptions/nope/approve", null);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal("redemption_not_found", (await approve.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_managers_list_filters_by_status_with_pending_oldest_first()
    {
        await _scenario.Member("D-1", 10_000);
        var reward = await _scenario.Reward();
        var first = await _scenario.Redeemed("D-1", reward);
        var second = await _scenario.Redeemed("D-1", reward);
        var third = await _scenario.Redeemed("D-1", reward);
        await Admin.PostAsync($"/api/v1/redemptions/{second}/approve", null);

        static string[] Ids(System.Text.Json.JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([first, third], Ids(await Admin.GetJson("/api/v1/redemptions?status=pending")));
        Assert.Equal([second], Ids(await Admin.GetJson("/api/v1/redemptions?status=Fulfilled")));
        Assert.Equal([third, second, first], Ids(await Admin.GetJson("/api/v1/redemptions")));
        Assert.Equal([third, second, first], Ids(await Admin.GetJson("/api/v1/members/D-1/redemptions")));
        var bad = await Admin.GetAsync("/api/v1/redemptions?status=lost");
        Assert.Equal("status", (await bad.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Only_managers_approve_reject_and_list_redemptions()
    {
        await _scenario.Member("D-1", 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward());
        var integration = _scenario.Api.ClientWithKey(await _scenario.Api.KeyFor("integration"));

        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsync($"/api/v1/redemptions/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/v1/redemptions")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsJsonAsync("/api/v1/members/D-1/redemptions", new { rewardId = (await _scenario.Reward()), idempotencyKey = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_integration_can_cancel_a_pending_redemption_of_its_member_and_the_points_come_back()
    {
        await _scenario.Member("D-1", 5000);
        await _scenario.Member("D-2", 5000);
        var reward = await _scenario.Reward(stock: 5);
        var id = await _scenario.Redeemed("D-1", reward);

        var foreign = await Admin.PostAsync($"/api/v1/members/D-2/redemptions/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var cancelled = await Admin.PostAsync($"/api/v1/members/D-1/redemptions/{id}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Json()).GetProperty("status").GetString());
        Assert.Equal(5000, await _scenario.Balance("D-1"));
        Assert.Equal(5, await _scenario.Stock(reward));
    }

    [Fact]
    public async Task A_redemption_made_through_the_api_is_announced_in_the_members_chat_and_so_is_the_rejection()
    {
        await _scenario.LinkedChat("D-1", "501", points: 5000);
        var id = await _scenario.Redeemed("D-1", await _scenario.Reward(costPoints: 1250));
        await _scenario.DeliveredTo("501", "Заявка на «Кружка» принята, списано 1 250 баллов");

        await Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "нет на складе" });

        var text = await _scenario.DeliveredTo("501", "отклонена");
        Assert.Contains("Причина: нет на складе", text);
        Assert.Contains("Возврат: 1 250 баллов", text);
    }
}
