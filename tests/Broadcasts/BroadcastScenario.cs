using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Broadcasts;

/// <summary>
/// The real host on a temp LiteDB file with a fake clock and the fake "test" chat channel (or another sender), which can
/// be stopped and started again on the same file; helpers arrange members linked in chat through the public API.
/// </summary>
public sealed class BroadcastScenario : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    public BroadcastScenario(IChannelSender? sender = null)
    {
        Channel = new RecordingChannelSender(Clock);
        Api = Start(sender ?? Channel);
        Admin = Api.Admin();
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-06-15T09:00:00Z"));

    public RecordingChannelSender Channel { get; }

    public ApiFactory Api { get; private set; }

    public HttpClient Admin { get; private set; }

    public IReadOnlyList<OutboxMessage> Outbox =>
        Api.Services.GetRequiredService<IDocumentStore>().Set<OutboxMessage>().All().ToArray();

    /// <summary>
    /// Stops the host (as a crash would, mid-send) and starts a new one on the same file with <paramref name="sender"/>,
    /// moving the clock on by <paramref name="down"/> while it is stopped.
    /// </summary>
    public async Task RestartAsync(IChannelSender sender, TimeSpan? down = null)
    {
        await Api.DisposeAsync();
        if (down is { } elapsed)
        {
            Clock.Advance(elapsed);
        }

        Api = Start(sender);
        Admin = Api.Admin();
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>A member linked to chat user <paramref name="userId"/> on the "test" channel.</summary>
    public async Task<ChatDriver> Linked(string externalId, string userId, string? region = null, string? language = null, bool manager = false)
    {
        var created = await Admin.CreateMember(externalId, $"Дилер {externalId}", region, language);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        if (manager)
        {
            var roles = await Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/roles", new { roles = new[] { "manager" } });
            Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        }

        var chat = new ChatDriver(Api.Services, userId);
        await chat.Say((await created.Json()).GetProperty("joinCode").GetString()!);
        return chat;
    }

    public Task<HttpResponseMessage> Create(object body) => Admin.PostAsJsonAsync("/api/v1/broadcasts", body);

    public async Task<string> CreateOk(object body)
    {
        var response = await Create(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public async Task<System.Text.Json.JsonElement> Get(string id) => await Admin.GetJson($"/api/v1/broadcasts/{id}");

    /// <summary>Moves the fake clock on (the sender paces on it, the broadcast clock ticks on it) until the condition holds.</summary>
    public async Task Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }
    }

    public async Task UntilFinished(string id) =>
        await Until(() => Api.Services.GetRequiredService<IDocumentStore>().Set<LoyaltyBot.Core.Broadcasts.Broadcast>().Get(id)?.Status
            is LoyaltyBot.Core.Broadcasts.BroadcastStatus.Finished or LoyaltyBot.Core.Broadcasts.BroadcastStatus.Cancelled);

    private ApiFactory Start(IChannelSender sender) =>
        new(_folder.File("loyalty.db"), Clock, services: s => s.AddSingleton(sender));

    public static object Body(object? audience = null, string ru = "<b>Акция!</b> Скидки на всё", string? uk = null, string? en = null,
        string? image = null, object? button = null, DateTimeOffset? sendAt = null) =>
        new { text = new { ru, uk, en }, image, button, audience = audience ?? new { all = true }, sendAt };
}
