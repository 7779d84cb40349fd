using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Quizzes;

/// <summary>
/// The real host on a temp file with a fake clock and the recording "test" channel, a manager API key, and dealers
/// linked to chat. The quiz clock is off unless asked for, so tests run the announcement step themselves.
/// </summary>
internal sealed class QuizScenario : IDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-06-15T09:00:00Z");

    private readonly TempFolder _folder = new();
    private readonly int _pollSeconds;
    private string? _managerKey;

    public QuizScenario(int pollSeconds = 0)
    {
        _pollSeconds = pollSeconds;
        Channel = new RecordingChannelSender(Clock);
        Api = StartHost();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingChannelSender Channel { get; }

    public ApiFactory Api { get; private set; }

    public HttpClient Admin => Api.Admin();

    public T Service<T>() where T : notnull => Api.Services.GetRequiredService<T>();

    /// <summary>A client with a manager-role key (the quiz endpoints' policy).</summary>
    public async Task<HttpClient> Manager()
    {
        _managerKey ??= await Api.KeyFor("manager");
        return Api.ClientWithKey(_managerKey);
    }

    /// <summary>Stops the host and starts a new one on the same file and clock (a restart).</summary>
    public void Restart()
    {
        Api.Dispose();
        Api = StartHost();
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

    public async Task<string> CreateQuiz(JsonObject body)
    {
        var response = await (await Manager()).PostAsJsonAsync("/api/v1/quizzes", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    public async Task<decimal> Balance(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}")).GetProperty("balance").GetDecimal();

    public async Task<JsonElement[]> QuizRewards(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}/ledger")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "quizReward").ToArray();

    /// <summary>
    /// A valid quiz body: question i asks "Вопрос i" with options "Верно i" (correct), "Неверно i" and "Мимо i",
    /// the correct one in a different place each time. Open from a minute ago for a week unless told otherwise.
    /// </summary>
    public JsonObject QuizBody(
        int questions = 3,
        decimal pointsPerCorrect = 10,
        int? passThresholdPercent = null,
        decimal completionBonus = 0,
        int? timeLimitSeconds = null,
        string showExplanations = "afterEach",
        DateTimeOffset? opensAt = null,
        DateTimeOffset? closesAt = null,
        string[]? tiers = null,
        string[]? regions = null)
    {
        var now = Clock.GetUtcNow();
        var list = new JsonArray();
        for (var i = 1; i <= questions; i++)
        {
            var options = new List<JsonNode>
            {
                Option($"Неверно {i}", false),
                Option($"Мимо {i}", false),
            };
            options.Insert(i % 3, Option($"Верно {i}", true));
            list.Add(new JsonObject
            {
                ["text"] = new JsonObject { ["ru"] = $"Вопрос {i}", ["en"] = $"Question {i}" },
                ["options"] = new JsonArray(options.ToArray()),
                ["explanation"] = new JsonObject { ["ru"] = $"Пояснение {i}" },
            });
        }

        var scoring = new JsonObject { ["pointsPerCorrect"] = pointsPerCorrect, ["completionBonus"] = completionBonus };
        if (passThresholdPercent is { } threshold)
        {
            scoring["passThresholdPercent"] = threshold;
        }

        var body = new JsonObject
        {
            ["title"] = new JsonObject { ["ru"] = "Знаток продукции", ["uk"] = "Знавець продукції", ["en"] = "Product expert" },
            ["intro"] = new JsonObject { ["ru"] = "Проверьте себя." },
            ["questions"] = list,
            ["scoring"] = scoring,
            ["opensAt"] = (opensAt ?? now.AddMinutes(-1)).ToString("O"),
            ["closesAt"] = (closesAt ?? now.AddDays(7)).ToString("O"),
            ["showExplanations"] = showExplanations,
        };
        if (timeLimitSeconds is { } limit)
        {
            body["timeLimitSeconds"] = limit;
        }

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

    /// <summary>The payload of the button labelled <paramref name="label"/> in the turn.</summary>
    public static string Button(ConversationTurn turn, string label) =>
        ChatDriver.AllButtons(turn).FirstOrDefault(b => b.Label == label)?.Payload
        ?? throw new Xunit.Sdk.XunitException($"No button '{label}' in: {string.Join(", ", ChatDriver.AllButtons(turn).Select(b => b.Label))}");

    /// <summary>Opens the quiz from its intro and returns the first question.</summary>
    public static async Task<ConversationTurn> Begin(ChatDriver chat, string quizId)
    {
        await chat.Press($"qz:s:{quizId}");
        return await chat.Press($"qz:b:{quizId}");
    }

    public void Dispose()
    {
        Api.Dispose();
        _folder.Dispose();
    }

    private static JsonObject Option(string text, bool correct) =>
        new() { ["text"] = new JsonObject { ["ru"] = text }, ["correct"] = correct };

    private ApiFactory StartHost() => new(
        _folder.File("loyalty.db"),
        Clock,
        new Dictionary<string, string?> { ["Quizzes:PollSeconds"] = _pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        s => s.AddSingleton<IChannelSender>(Channel));
}
