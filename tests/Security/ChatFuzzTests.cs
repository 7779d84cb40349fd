using System.Globalization;
using CsCheck;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Tests.Rewards;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Security;

/// <summary>
/// Random text, random commands and forged or stale button payloads (<c>prefix:args</c> for every registered
/// handler's prefix) from a linked member and from a stranger: every turn answers without the apology for a
/// crash, and nobody's points, ledger or redemptions change.
/// </summary>
public sealed class ChatFuzzTests : IDisposable
{
    private readonly RewardsScenario _scenario = new(new Dictionary<string, string?> { ["RateLimits:Chat:MessagesPerMinute"] = "0" });

    public void Dispose() => _scenario.Dispose();

    private static readonly string[] Nasty =
    [
        "", " ", "p", "x", "xy", "y", "n", "s", "a", "c", "ok", "-1", "0", "1", "2147483648", "99999999999999999999", "00000000",
        "null", "../../etc/passwd", "<b>bold", "</i><a href=\"javascript:alert(1)\">", "'; DROP TABLE members;--", "\" OR 1=1 --",
        "{\"$gt\":\"\"}", "%00", "\0", "🙂", "\uD800", "ЁЖЗ", "nonce", "D-1", "D-2", "telegram:1001",
    ];

    [Fact]
    public async Task Random_text_commands_and_forged_buttons_are_answered_and_change_nothing()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 5000);
        var other = await _scenario.LinkedChat("D-2", "1002", points: 3000);
        var reward = await _scenario.Reward(name: "Кружка");
        var redemption = await _scenario.Redeemed("D-2", reward);
        var stranger = new ChatDriver(_scenario.Api.Services, "9999");
        var engine = _scenario.Api.Services.GetRequiredService<ConversationEngine>();
        var prefixes = _scenario.Api.Services.GetServices<IChatHandler>().Select(h => h.ButtonPrefix).ToArray();
        var commands = engine.Commands.ToArray();
        var before = await Snapshot();

        var segment = Gen.OneOf(
            Pick([.. Nasty, redemption, reward]),
            Gen.Int[-1000, 100_000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Char.Array[0, 24].Select(c => new string(c)));
        var args = segment.Array[0, 5].Select(s => string.Join(":", s));
        var payload = Gen.Select(Pick(prefixes), args, (prefix, a) => a.Length == 0 ? prefix : $"{prefix}:{a}");
        var text = Gen.OneOf(
            Gen.Char.Array[0, 300].Select(c => new string(c)),
            Pick(Nasty),
            Gen.Select(Pick(commands), args, (command, a) => $"/{command} {a}"));
        var input = Gen.OneOf(payload.Select(p => (Button: true, Value: p)), text.Select(t => (Button: false, Value: t)));
        (bool Button, string Value)[] inputs = [];
        input.Array[400].Sample(sample => inputs = sample, iter: 1);

        var failures = new List<string>();
        foreach (var (button, value) in inputs)
        {
            foreach (var (who, chat) in new[] { ("member", member), ("stranger", stranger) })
            {
                var turn = button ? await chat.Press(value) : await chat.Say(value);
                var reply = ChatDriver.AllText(turn);
                if (turn.Replies.Any(r => r.Text.ToPlainText() == Texts.For(turn.Language)["Common.Error"]))
                {
                    failures.Add($"{who} {(button ? "pressed" : "said")} {Escape(value)}: the crash apology");
                }
                else if (!button && turn.Replies.Count == 0)
                {
                    failures.Add($"{who} said {Escape(value)}: no answer");
                }
                else if (turn.Replies.Any(r => r.Text.ToPlainText().Length == 0 && r.Image is null))
                {
                    failures.Add($"{who} {(button ? "pressed" : "said")} {Escape(value)}: an empty message");
                }

                _ = reply;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await Snapshot());
        Assert.Equal("pending", (await _scenario.Redemption(redemption)).GetProperty("status").GetString());
    }

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>Balances, ledger lengths and the number of members.</summary>
    private async Task<string> Snapshot()
    {
        var members = await _scenario.Admin.GetJson("/api/v1/members?pageSize=200");
        var lines = new List<string> { $"members {members.GetProperty("total").GetInt32()}" };
        foreach (var id in new[] { "D-1", "D-2" })
        {
            lines.Add($"{id} balance {await _scenario.Balance(id)} ledger {(await _scenario.Ledger(id)).Length}");
        }

        return string.Join("; ", lines);
    }

    private static string Escape(string value) =>
        string.Concat(value.Take(80).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
