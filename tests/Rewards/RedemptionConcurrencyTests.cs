using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Rewards;

public sealed class RedemptionConcurrencyTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Fifty_members_racing_for_the_last_unit_leave_exactly_one_winner()
    {
        var members = Enumerable.Range(1, 50).Select(i => $"D-{i}").ToArray();
        foreach (var member in members)
        {
            await _scenario.Member(member, 1000);
        }

        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);

        var responses = await Task.WhenAll(members.Select(m => _scenario.Redeem(m, reward)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("out_of_stock", (await refused.Json()).GetProperty("code").GetString());
        }

        Assert.Equal(0, await _scenario.Stock(reward));
        var balances = await Task.WhenAll(members.Select(_scenario.Balance));
        Assert.Equal(49, balances.Count(b => b == 1000));
        Assert.Equal(1, balances.Count(b => b == 0));
        AssertLedgerMatchesBalances();
    }

    [Fact]
    public async Task Twenty_parallel_redemptions_by_a_member_who_can_afford_three_make_exactly_three()
    {
        await _scenario.Member("D-1", 3500);
        var reward = await _scenario.Reward(costPoints: 1000);

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => _scenario.Redeem("D-1", reward, $"order-{i}")));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("insufficient_points", (await refused.Json()).GetProperty("code").GetString());
        }

        Assert.Equal(500, await _scenario.Balance("D-1"));
        Assert.Equal(3, (await _scenario.Ledger("D-1")).Count(e => e.GetProperty("kind").GetString() == "redemption"));
        AssertLedgerMatchesBalances();
    }

    [Fact]
    public async Task The_same_request_replayed_in_parallel_redeems_once()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 10);

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(_ => _scenario.Redeem("D-1", reward, "order-1")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Json()).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(4000, await _scenario.Balance("D-1"));
        Assert.Equal(9, await _scenario.Stock(reward));
    }

    [Fact]
    public async Task Parallel_redemptions_of_two_members_never_pass_the_per_member_limit()
    {
        await _scenario.Member("D-1", 50_000);
        await _scenario.Member("D-2", 50_000);
        var reward = await _scenario.Reward(costPoints: 100, perMemberLimit: 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _scenario.Redeem(i % 2 == 0 ? "D-1" : "D-2", reward)));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("limit_reached", (await refused.Json()).GetProperty("code").GetString());
        }

        Assert.Equal(49_800, await _scenario.Balance("D-1"));
        Assert.Equal(49_800, await _scenario.Balance("D-2"));
        AssertLedgerMatchesBalances();
    }

    [Fact]
    public async Task Cancels_racing_with_an_approval_refund_at_most_once()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 3);
        var id = await _scenario.Redeemed("D-1", reward);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 3 == 0
            ? _scenario.Admin.PostAsync($"/api/v1/redemptions/{id}/approve", null)
            : _scenario.Admin.PostAsync($"/api/v1/members/D-1/redemptions/{id}/cancel", null)));

        var status = (await _scenario.Redemption(id)).GetProperty("status").GetString();
        Assert.Contains(status, new[] { "fulfilled", "cancelled" });
        Assert.Equal(status == "cancelled" ? 5000 : 4000, await _scenario.Balance("D-1"));
        Assert.Equal(status == "cancelled" ? 3 : 2, await _scenario.Stock(reward));
        Assert.Equal(2, (await _scenario.Redemption(id)).GetProperty("history").GetArrayLength());
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict));
        AssertLedgerMatchesBalances();
    }

    [Fact]
    public async Task Rejects_and_approvals_racing_on_one_redemption_settle_it_once()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);
        var id = await _scenario.Redeemed("D-1", reward);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? _scenario.Admin.PostAsJsonAsync($"/api/v1/redemptions/{id}/reject", new { reason = "гонка" })
            : _scenario.Admin.PostAsync($"/api/v1/redemptions/{id}/approve", null)));

        var status = (await _scenario.Redemption(id)).GetProperty("status").GetString();
        Assert.Contains(status, new[] { "fulfilled", "rejected" });
        Assert.Equal(2, (await _scenario.Redemption(id)).GetProperty("history").GetArrayLength());
        Assert.Equal(status == "rejected" ? 5000 : 4000, await _scenario.Balance("D-1"));
        Assert.Equal(status == "rejected" ? 1 : 0, await _scenario.Stock(reward));
        Assert.True((await _scenario.Ledger("D-1")).Count(e => e.GetProperty("kind").GetString() == "refund") <= 1);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict));
        AssertLedgerMatchesBalances();
    }

    [Fact]
    public async Task An_edit_based_on_a_read_from_before_a_redemption_does_not_bring_the_sold_unit_back()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 1);
        var read = await _scenario.Admin.GetAsync($"/api/v1/rewards/{reward}");
        await _scenario.Redeemed("D-1", reward);

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rewards/{reward}")
        {
            Content = JsonContent.Create(RewardsScenario.RewardBody(costPoints: 1000, stock: 1, name: "Кружка с логотипом")),
        };
        edit.Headers.IfMatch.Add(Assert.IsType<EntityTagHeaderValue>(read.Headers.ETag));
        var response = await _scenario.Admin.SendAsync(edit);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("precondition_failed", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(0, await _scenario.Stock(reward));
    }

    [Fact]
    public async Task An_edit_with_the_current_etag_replaces_the_reward()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 2);
        await _scenario.Redeemed("D-1", reward);
        var read = await _scenario.Admin.GetAsync($"/api/v1/rewards/{reward}");

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rewards/{reward}")
        {
            Content = JsonContent.Create(RewardsScenario.RewardBody(costPoints: 1000, stock: 1, name: "Кружка с логотипом")),
        };
        edit.Headers.IfMatch.Add(Assert.IsType<EntityTagHeaderValue>(read.Headers.ETag));
        var response = await _scenario.Admin.SendAsync(edit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(read.Headers.ETag, response.Headers.ETag);
        Assert.Equal(1, await _scenario.Stock(reward));
    }

    [Fact]
    public async Task An_edit_whose_if_match_lists_the_current_etag_among_older_ones_replaces_the_reward()
    {
        await _scenario.Member("D-1", 5000);
        var reward = await _scenario.Reward(costPoints: 1000, stock: 2);
        var before = await _scenario.Admin.GetAsync($"/api/v1/rewards/{reward}");
        await _scenario.Redeemed("D-1", reward);
        var current = await _scenario.Admin.GetAsync($"/api/v1/rewards/{reward}");

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rewards/{reward}")
        {
            Content = JsonContent.Create(RewardsScenario.RewardBody(costPoints: 1000, stock: 1, name: "Кружка с логотипом")),
        };
        edit.Headers.IfMatch.Add(before.Headers.ETag!);
        edit.Headers.IfMatch.Add(current.Headers.ETag!);
        var response = await _scenario.Admin.SendAsync(edit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_change_of_a_reward_answers_with_its_new_etag()
    {
        var reward = await _scenario.Reward(costPoints: 1000, stock: 2);

        foreach (var change in new[] { "deactivate", "activate" })
        {
            var response = await _scenario.Admin.PostAsync($"/api/v1/rewards/{reward}/{change}", null);
            var read = await _scenario.Admin.GetAsync($"/api/v1/rewards/{reward}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal(read.Headers.ETag, response.Headers.ETag);
        }
    }

    private void AssertLedgerMatchesBalances()
    {
        var services = _scenario.Api.Services;
        var ledger = services.GetRequiredService<LedgerQueries>();
        var store = services.GetRequiredService<Core.Storage.IDocumentStore>();
        Assert.All(store.Set<Member>().All(), m => Assert.Equal(m.Balance, ledger.SumOf(m.Id)));
    }
}
