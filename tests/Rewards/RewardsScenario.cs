using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Rewards;

/// <summary>
/// The real host on a temp LiteDB file with the fake "test" chat channel, a fake clock and helpers that arrange
/// members, points and rewards through the public API.
/// </summary>
public sealed class RewardsScenario : IDisposable
{
    private readonly TempFolder _folder = new();

    public RewardsScenario(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Channel = new RecordingChannelSender(Clock);
        Api = new ApiFactory(_folder.File("loyalty.db"), Clock, settings, s => s.AddSingleton<IChannelSender>(Channel));
        Admin = Api.Admin();
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-06-15T09:00:00Z"));

    public RecordingChannelSender Channel { get; }

    public ApiFactory Api { get; }

    public HttpClient Admin { get; }

    public void Dispose()
    {
        Api.Dispose();
        _folder.Dispose();
    }

    /// <summary>Enrols a member with a starting balance; returns their join code.</summary>
    public async Task<string> Member(string externalId, decimal points = 0, string name = "ООО Ромашка", string? language = null)
    {
        var created = await Admin.PostAsJsonAsync("/api/v1/members", new { externalId, name, language });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        if (points != 0)
        {
            await Adjust(externalId, points);
        }

        return (await created.Json()).GetProperty("joinCode").GetString()!;
    }

    public async Task Adjust(string externalId, decimal amount)
    {
        var adjusted = await Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/adjustments", new { amount, reason = "test setup" });
        Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);
    }

    /// <summary>A member linked to the chat user <paramref name="userId"/> on the "test" channel, with the manager role if asked.</summary>
    public async Task<ChatDriver> LinkedChat(string externalId, string userId, decimal points = 0, bool manager = false, string? language = null)
    {
        var code = await Member(externalId, points, name: $"Дилер {externalId}", language: language);
        if (manager)
        {
            var roles = await Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/roles", new { roles = new[] { "manager" } });
            Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        }

        var chat = new ChatDriver(Api.Services, userId);
        await chat.Say(code);
        return chat;
    }

    public static object RewardBody(
        decimal costPoints = 1000,
        string name = "Кружка",
        int? stock = null,
        string? minTier = null,
        int? perMemberLimit = null,
        DateTimeOffset? availableFrom = null,
        DateTimeOffset? availableTo = null,
        string category = "goods") =>
        new
        {
            name = new { ru = name, uk = name + " (uk)", en = name + " (en)" },
            description = new { ru = "Описание: " + name },
            category,
            costPoints,
            minTier,
            stock,
            perMemberLimit,
            availableFrom,
            availableTo,
        };

    /// <summary>Creates a reward and returns its id.</summary>
    public async Task<string> Reward(object body)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/rewards", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public Task<string> Reward(decimal costPoints = 1000, string name = "Кружка", int? stock = null, string? minTier = null, int? perMemberLimit = null) =>
        Reward(RewardBody(costPoints, name, stock, minTier, perMemberLimit));

    public Task<HttpResponseMessage> Redeem(string externalId, string rewardId, string? idempotencyKey = null) =>
        Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/redemptions", new { rewardId, idempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString("N") });

    public async Task<string> Redeemed(string externalId, string rewardId)
    {
        var response = await Redeem(externalId, rewardId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public async Task<decimal> Balance(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}")).GetProperty("balance").GetDecimal();

    public async Task<int?> Stock(string rewardId) =>
        (await Admin.GetJson($"/api/v1/rewards/{rewardId}")).TryGetProperty("stock", out var stock) ? stock.GetInt32() : null;

    public Task<JsonElement> Redemption(string id) => Admin.GetJson($"/api/v1/redemptions/{id}");

    public async Task<JsonElement[]> Ledger(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}/ledger?pageSize=200")).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>Numbers print with no-break spaces ("1 250"); tests compare with ordinary ones.</summary>
    public static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>All the text of a chat turn, with ordinary spaces.</summary>
    public static string Text(Bot.Conversations.ConversationTurn turn) => Plain(ChatDriver.AllText(turn));

    public static string[] Payloads(Bot.Conversations.ConversationTurn turn) =>
        ChatDriver.AllButtons(turn).Select(b => b.Payload ?? string.Empty).ToArray();

    /// <summary>The one button payload of the turn that starts with <paramref name="prefix"/>.</summary>
    public static string PayloadStarting(Bot.Conversations.ConversationTurn turn, string prefix) =>
        Payloads(turn).Single(p => p.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Waits for a delivery to the chat containing <paramref name="text"/>, moving the fake clock past the channel's pacing.</summary>
    public async Task<string> DeliveredTo(string chatId, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var found = Channel.Delivered.FirstOrDefault(d => d.ChatId == chatId && Plain(d.Message.Text.ToPlainText()).Contains(text, StringComparison.Ordinal));
            if (found.Message is not null)
            {
                return Plain(found.Message.Text.ToPlainText());
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(" | ", Channel.Delivered.Select(d => $"{d.ChatId}: {d.Message.Text.ToPlainText()}"));
                throw new TimeoutException($"No delivery to {chatId} contained '{text}'. Delivered: {seen}");
            }

            Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(25);
        }
    }
}
