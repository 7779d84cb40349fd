using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Rewards;

public sealed class RedemptionApiTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    private HttpClient Admin => _scenario.Admin;

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Redeeming_debits_the_points_takes_a_unit_and_answers_201_with_a_pending_redemption()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1250, stock: 3);

        var response = await _scenario.Redeem("D-1", reward, "order-1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(3750, body.GetProperty("balance").GetDecimal());
        Assert.Equal($"/api/v1/redemptions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(3750, await _scenario.Balance("D-1"));
        Assert.Equal(2, await _scenario.Stock(reward));
        var debit = (await _scenario.Ledger("D-1")).First();
        Assert.Equal("redemption", debit.GetProperty("kind").GetString());
        Assert.Equal(-1250, debit.GetProperty("amount").GetDecimal());
        Assert.Equal($"redemption:{id}", debit.GetProperty("sourceRef").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_redemption_with_200_and_debits_once()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var first = await (await _scenario.Redeem("D-1", reward, "order-7")).Json();

        var again = await _scenario.Redeem("D-1", reward, "order-7");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Json();
        Assert.Equal(first.GetProperty("id").GetString(), body.GetProperty("id").GetString());
        Assert.Equal(4000, body.GetProperty("balance").GetDecimal());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
        Assert.Single(await _scenario.Ledger("D-1"), e => e.GetProperty("kind").GetString() == "redemption");
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_another_reward_is_a_conflict()
    {
        await _scenario.Member("D-1", 5000);
        var mug = await _scenario.Reward(costPoints: 1000);
        var cap = await _scenario.Reward(costPoints: 500, name: "Кепка");
        await _scenario.Redeem("D-1", mug, "order-1");

        var response = await _scenario.Redeem("D-1", cap, "order-1");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idempotency_conflict", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
    }

    [Fact]
    public async Task An_unknown_reward_is_a_404_reward_not_found_and_changes_nothing()
    {
        await _scenario.Member("D-1", 5000);
        await AssertRefused("D-1", "no-such-reward", HttpStatusCode.NotFound, "reward_not_found", balance: 5000);
    }

    [Fact]
    public async Task A_deactivated_reward_is_reward_not_found()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward();
        await Admin.PostAsync($"/api/v1/rewards/{reward}/deactivate", null);
        await AssertRefused("D-1", reward, HttpStatusCode.NotFound, "reward_not_found", balance: 5000);
    }

    [Fact]
    public async Task Too_few_points_is_insufficient_points()
    {
        await _scenario.Member("D-1", 999);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);
        await AssertRefused("D-1", reward, HttpStatusCode.Conflict, "insufficient_points", balance: 999);
        Assert.Equal(1, await _scenario.Stock(reward));
    }

    [Fact]
    public async Task An_empty_stock_is_out_of_stock()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(stock: 0);
        await AssertRefused("D-1", reward, HttpStatusCode.Conflict, "out_of_stock", balance: 5000);
    }

    [Fact]
    public async Task A_tier_below_the_minimum_is_tier_too_low_and_reaching_the_tier_unlocks_it()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(RewardsScenario.RewardBody(minTier: "Gold"));
        await AssertRefused("D-1", reward, HttpStatusCode.UnprocessableEntity, "tier_too_low", balance: 5000);

        await Admin.PostSale("S-1", "D-1", 5001, _scenario.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Created, (await _scenario.Redeem("D-1", reward)).StatusCode);
    }

    [Fact]
    public async Task The_per_member_limit_counts_held_redemptions_and_a_rejected_one_frees_its_place()
    {
        await _scenario.Member("D-1", 10_000);
        var reward = await _scenario.Reward(perMemberLimit: 1);
        var first = await _scenario.Redeemed("D-1", reward);
        await AssertRefused("D-1", reward, HttpStatusCode.Conflict, "limit_reached", balance: 9000);

        await Admin.PostAsJsonAsync($"/api/v1/redemptions/{first}/reject", new { reason = "ошибка" });
        Assert.Equal(HttpStatusCode.Created, (await _scenario.Redeem("D-1", reward)).StatusCode);
    }

    [Fact]
    public async Task A_reward_outside_its_dates_is_not_available()
    {
        await _scenario.Member("D-1", 5000);
        var now = _scenario.Clock.GetUtcNow();
        var future = await _scenario.Reward(RewardsScenario.RewardBody(availableFrom: now.AddDays(1)));
        var past = await _scenario.Reward(RewardsScenario.RewardBody(availableTo: now.AddDays(-1)));
        await AssertRefused("D-1", future, HttpStatusCode.UnprocessableEntity, "not_available", balance: 5000);
        await AssertRefused("D-1", past, HttpStatusCode.UnprocessableEntity, "not_available", balance: 5000);

        _scenario.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Created, (await _scenario.Redeem("D-1", future)).StatusCode);
    }

    [Theory]
    [InlineData("""{"idempotencyKey":"k"}""", "rewardId")]
    [InlineData("""{"rewardId":"r"}""", "idempotencyKey")]
    [InlineData("""{"rewardId":"r","idempotencyKey":"   "}""", "idempotencyKey")]
    public async Task A_request_missing_a_field_is_a_400_naming_it(string json, string field)
    {
        await _scenario.Member("D-1", 5000);
        var response = await Admin.PostRaw("/api/v1/members/D-1/redemptions", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Redeeming_for_an_unknown_member_is_a_404()
    {
        var reward = await _scenario.Reward();
        var response = await _scenario.Redeem("ghost", reward);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_member", (await response.Json()).GetProperty("code").GetString());
    }

    private async Task AssertRefused(string member, string rewardId, HttpStatusCode status, string code, decimal balance = 0)
    {
        var ledgerBefore = (await Admin.GetJson($"/api/v1/members/{member}/ledger")).GetProperty("total").GetInt32();
        var redemptionsBefore = (await Admin.GetJson($"/api/v1/members/{member}/redemptions")).GetProperty("total").GetInt32();
        var response = await _scenario.Redeem(member, rewardId);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(balance, await _scenario.Balance(member));
        Assert.Equal(ledgerBefore, (await Admin.GetJson($"/api/v1/members/{member}/ledger")).GetProperty("total").GetInt32());
        Assert.Equal(redemptionsBefore, (await Admin.GetJson($"/api/v1/members/{member}/redemptions")).GetProperty("total").GetInt32());
    }
}
