using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Tests.Fakes.Telegram;
using LoyaltyBot.Tests.Support;
using LoyaltyBot.Tests.Telegram;

namespace LoyaltyBot.Tests.Quizzes;

/// <summary>A whole quiz taken through the real webhook, with Telegram faked at the HTTP level.</summary>
public sealed class QuizTelegramTests
{
    private const long User = 284705193;
    private long _updateId = 500_000_000;

    [Fact]
    public async Task A_dealer_takes_a_quiz_in_telegram_by_pressing_buttons_and_earns_the_points()
    {
        await using var host = await TelegramTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Quizzes:PollSeconds"] = "0" });
        var admin = host.Admin();
        var code = (await (await admin.CreateMember("D-Q", "Дилер")).Json()).GetProperty("joinCode").GetString()!;
        await host.PostUpdateAsync(TelegramFixtures.PrivateText($"/start join_{code}", ++_updateId));
        var created = await admin.PostAsJsonAsync("/api/v1/quizzes", Quiz());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var quizId = (await created.Json()).GetProperty("id").GetString()!;

        await host.PostUpdateAsync(TelegramFixtures.PrivateText("/quiz", ++_updateId));
        await Press(host, Buttons(host).Single(b => b.Data == $"qz:s:{quizId}").Data);
        await Press(host, $"qz:b:{quizId}");
        for (var question = 1; question <= 2; question++)
        {
            var right = Buttons(host).Single(b => b.Text == $"Верно {question}");
            Assert.DoesNotContain("correct", right.Data, StringComparison.OrdinalIgnoreCase);
            await Press(host, right.Data);
            if (question < 2)
            {
                Assert.Contains("Пояснение", LastText(host));
                await Press(host, Buttons(host).First(b => b.Data.StartsWith("qz:b:", StringComparison.Ordinal)).Data);
            }
        }

        Assert.Contains("завершена", LastText(host));

        var ledger = await admin.GetJson("/api/v1/members/D-Q/ledger");
        var reward = ledger.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "quizReward");
        Assert.Equal(20m, reward.GetProperty("amount").GetDecimal());
        Assert.Contains("20", LastText(host));
        Assert.Equal(host.Telegram.CallsTo("answerCallbackQuery").Count, CallbacksSent);
    }

    private int CallbacksSent { get; set; }

    private async Task Press(TelegramTestHost host, string data)
    {
        CallbacksSent++;
        var response = await host.PostUpdateAsync(TelegramFixtures.Edit("callback_query_inline_keyboard_private.json", update =>
        {
            update["update_id"] = ++_updateId;
            var callback = update["callback_query"]!.AsObject();
            callback["id"] = $"cb-{_updateId}";
            callback["data"] = data;
            callback["from"]!["id"] = User;
            callback["message"]!["chat"]!["id"] = User;
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static RecordedCall LastReply(TelegramTestHost host) =>
        host.ReplyCalls().Last(c => c.Method is "sendMessage" or "editMessageText");

    private static string LastText(TelegramTestHost host) => LastReply(host).Parameter("text") ?? string.Empty;

    private static (string Text, string Data)[] Buttons(TelegramTestHost host)
    {
        var markup = LastReply(host).Parameter("reply_markup") ?? throw new Xunit.Sdk.XunitException("The last reply has no buttons.");
        using var json = JsonDocument.Parse(markup);
        return json.RootElement.GetProperty("inline_keyboard").EnumerateArray()
            .SelectMany(row => row.EnumerateArray())
            .Where(b => b.TryGetProperty("callback_data", out _))
            .Select(b => (b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!))
            .ToArray();
    }

    private static JsonObject Quiz()
    {
        var now = DateTimeOffset.UtcNow;
        JsonObject Question(int i) => new()
        {
            ["text"] = new JsonObject { ["ru"] = $"Вопрос {i}" },
            ["options"] = new JsonArray(
                new JsonObject { ["text"] = new JsonObject { ["ru"] = $"Неверно {i}" } },
                new JsonObject { ["text"] = new JsonObject { ["ru"] = $"Верно {i}" }, ["correct"] = true }),
            ["explanation"] = new JsonObject { ["ru"] = $"Пояснение {i}" },
        };
        return new JsonObject
        {
            ["title"] = new JsonObject { ["ru"] = "Знаток" },
            ["intro"] = new JsonObject { ["ru"] = "Два вопроса." },
            ["questions"] = new JsonArray(Question(1), Question(2)),
            ["scoring"] = new JsonObject { ["pointsPerCorrect"] = 10 },
            ["opensAt"] = now.AddMinutes(-1).ToString("O"),
            ["closesAt"] = now.AddDays(1).ToString("O"),
            ["showExplanations"] = "afterEach",
        };
    }
}
