using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace LoyaltyBot.Tests.Contests;

/// <summary>
/// The real API host (with its Quartz scheduler) on a temp file, a fake clock shared across restarts, the recording
/// "test" channel, a manager API key, and dealers linked to chat. The clock starts on Monday 15 June 2026, 12:00 in
/// Moscow; it only moves when a test moves it.
/// </summary>
internal sealed class ContestScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-06-15T09:00:00Z", CultureInfo.InvariantCulture);

    private readonly TempFolder _folder = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private ApiFactory? _api;
    private string? _managerKey;

    public ContestScenario(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Channel = new RecordingChannelSender(Clock);
        _api = StartHost();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public RecordingChannelSender Channel { get; }

    public ApiFactory Api => _api ?? throw new InvalidOperationException("The host is stopped.");

    public HttpClient Admin => Api.Admin();

    public T Service<T>() where T : notnull => Api.Services.GetRequiredService<T>();

    public async Task<IScheduler> Scheduler() => await Service<ISchedulerFactory>().GetScheduler();

    /// <summary>A client with a manager-role key (the contest endpoints' policy); the key survives restarts.</summary>
    public async Task<HttpClient> Manager()
    {
        _managerKey ??= await Api.KeyFor("manager");
        return Api.ClientWithKey(_managerKey);
    }

    /// <summary>The app goes down: the host stops (waiting for running jobs) and releases the file.</summary>
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
            _api = null;
        }
    }

    /// <summary>The app comes back on the same file and clock: schedules are rebuilt from the store.</summary>
    public void StartAgain()
    {
        _api ??= StartHost();
        _ = _api.Services; // the factory starts the host lazily: start it now, as a process would
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        StartAgain();
    }

    /// <summary>Enrols a member through the API and links chat user <paramref name="user"/> with the join code.</summary>
    public async Task<ChatDriver> Dealer(string externalId, string user, string? region = null, string? language = null)
    {
        var response = await Admin.CreateMember(externalId, "Дилер " + externalId, region, language);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Json()).GetProperty("joinCode").GetString()!;
        var chat = Chat(user);
        await chat.Say(code);
        return chat;
    }

    public ChatDriver Chat(string user) => new(Api.Services, user);

    public Member Member(string externalId) => Service<MemberQueries>().ByExternalId(externalId)!;

    /// <summary>A sale that happened now (or at <paramref name="occurredAt"/>); with the default brackets 1 unit = 1 point.</summary>
    public async Task Sale(string member, long units, DateTimeOffset? occurredAt = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/sales", new
        {
            id = Guid.NewGuid().ToString("N"),
            memberExternalId = member,
            sku = "SKU-1",
            units,
            occurredAt = occurredAt ?? Now,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A reward of the catalog named in the three languages; returns its id.</summary>
    public async Task<string> Reward(string ru, string? uk = null, string? en = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/rewards", new { name = new { ru, uk, en }, category = "goods", costPoints = 1000 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public async Task<string> CreateContest(JsonObject body)
    {
        var response = await (await Manager()).PostAsJsonAsync("/api/v1/contests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> Contest(string id) => await (await Manager()).GetJson($"/api/v1/contests/{id}");

    public async Task<JsonElement> Leaderboard(string id, int? top = null, string? member = null)
    {
        var query = new List<string>();
        if (top is { } t)
        {
            query.Add($"top={t}");
        }

        if (member is not null)
        {
            query.Add($"member={member}");
        }

        return await (await Manager()).GetJson($"/api/v1/contests/{id}/leaderboard{(query.Count > 0 ? "?" + string.Join('&', query) : string.Empty)}");
    }

    public async Task<JsonElement[]> Prizes(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}/ledger")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "contestPrize").ToArray();

    public async Task<decimal> Balance(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}")).GetProperty("balance").GetDecimal();

    /// <summary>Messages queued for the contest by kind (<c>start</c>, <c>reminder:…</c>, <c>winner</c>, <c>final</c>, <c>cancelled</c>).</summary>
    public IReadOnlyList<OutboxMessage> Queued(string contestId, string kind)
    {
        var topic = $"contest:{contestId}";
        var prefix = $"contest:{contestId}:{kind}";
        return Service<IDocumentStore>().Set<OutboxMessage>().Find(m => m.Topic == topic).Where(m => m.DedupKey.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>The texts delivered to chat user <paramref name="chatId"/> so far.</summary>
    public IReadOnlyList<string> DeliveredTo(string chatId) =>
        Channel.Delivered.Where(d => d.ChatId == chatId).Select(d => d.Message.Text.ToPlainText().Replace('\u00A0', ' ')).ToArray();

    public static async Task Eventually(Func<Task<bool>> condition, string because, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Delay(25);
        }
    }

    public static Task Eventually(Func<bool> condition, string because, int seconds = 15) =>
        Eventually(() => Task.FromResult(condition()), because, seconds);

    /// <summary>
    /// Waits for outbox deliveries. The sender paces each channel on the host clock (a few dozen milliseconds between
    /// two sends), so the fake clock is nudged forward 100 ms at a time while waiting.
    /// </summary>
    public Task Delivered(Func<bool> condition, string because) =>
        Eventually(() =>
        {
            if (condition())
            {
                return true;
            }

            Clock.Advance(TimeSpan.FromMilliseconds(100));
            return false;
        }, because);

    /// <summary>
    /// A valid contest: «Летний спринт», points from sales, from a minute ago for a week (Moscow time), five prizes of
    /// 5000, 3000, 2000, 1000 and 500 points, start and end announced, no reminders unless asked.
    /// </summary>
    public JsonObject ContestBody(
        string metric = "salesPoints",
        DateTimeOffset? startsAt = null,
        DateTimeOffset? endsAt = null,
        decimal[]? prizes = null,
        string[]? reminders = null,
        int[]? daysBeforeEnd = null,
        bool atStart = true,
        bool atEnd = true,
        string[]? tiers = null,
        string[]? regions = null)
    {
        var body = new JsonObject
        {
            ["title"] = new JsonObject { ["ru"] = "Летний спринт", ["uk"] = "Літній спринт", ["en"] = "Summer sprint" },
            ["description"] = new JsonObject { ["ru"] = "Продайте больше всех до конца недели." },
            ["metric"] = metric,
            ["startsAt"] = (startsAt ?? Now.AddMinutes(-1)).ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = (endsAt ?? Now.AddDays(7)).ToString("O", CultureInfo.InvariantCulture),
            ["timeZone"] = "Europe/Moscow",
            ["prizes"] = new JsonArray((prizes ?? [5000m, 3000m, 2000m, 1000m, 500m])
                .Select((points, i) => (JsonNode)new JsonObject { ["place"] = i + 1, ["points"] = points }).ToArray()),
            ["announcements"] = new JsonObject
            {
                ["atStart"] = atStart,
                ["atEnd"] = atEnd,
                ["reminders"] = new JsonArray((reminders ?? []).Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
                ["daysBeforeEnd"] = new JsonArray((daysBeforeEnd ?? []).Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
            },
        };
        if (tiers is not null || regions is not null)
        {
            body["audience"] = new JsonObject
            {
                ["tiers"] = new JsonArray((tiers ?? []).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                ["regions"] = new JsonArray((regions ?? []).Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
            };
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _folder.Dispose();
    }

    private ApiFactory StartHost() => new(
        _folder.File("loyalty.db"),
        Clock,
        new Dictionary<string, string?>(_settings) { ["Quizzes:PollSeconds"] = "0" },
        s => s.AddSingleton<IChannelSender>(Channel));
}
