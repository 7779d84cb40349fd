using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Broadcasts;

/// <summary>The manager's «broadcast started» message counts recipients with the plural form of the manager's language.</summary>
public sealed class BroadcastStartedTextTests
{
    [Theory]
    [InlineData("en", 1, "🚀 Broadcast started for 1 recipient.")]
    [InlineData("en", 2, "🚀 Broadcast started for 2 recipients.")]
    [InlineData("ru", 1, "🚀 Рассылка запущена: 1 получатель.")]
    [InlineData("ru", 2, "🚀 Рассылка запущена: 2 получателя.")]
    [InlineData("ru", 5, "🚀 Рассылка запущена: 5 получателей.")]
    [InlineData("uk", 1, "🚀 Розсилку запущено: 1 отримувач.")]
    [InlineData("uk", 2, "🚀 Розсилку запущено: 2 отримувачі.")]
    public async Task The_started_message_counts_recipients_in_the_managers_language(string language, int dealers, string expected)
    {
        await using var scenario = new BroadcastScenario();
        var manager = await scenario.Linked("M-1", "900", language: language, manager: true);
        for (var i = 0; i < dealers; i++)
        {
            await scenario.Linked($"D-{i}", $"{i}", region: "Kazan");
        }

        await manager.Say("/broadcast");
        var audience = await manager.Press(Payload(await manager.Say("Hello"), "bc:s:"));
        var kazan = ChatDriver.AllButtons(audience).Single(b => b.Label.EndsWith("Kazan", StringComparison.Ordinal)).Payload!;
        var preview = await manager.Press(kazan);

        var started = await manager.Press(Payload(preview, "bc:y:"));

        Assert.Contains(expected, ChatDriver.AllText(started));
    }

    private static string Payload(ConversationTurn turn, string prefix) =>
        ChatDriver.AllButtons(turn).Select(b => b.Payload).First(p => p is not null && p.StartsWith(prefix, StringComparison.Ordinal))!;
}
