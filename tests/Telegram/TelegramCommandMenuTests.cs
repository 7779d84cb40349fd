using System.Text.Json;
using LoyaltyBot.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Telegram;

/// <summary>The command menu Telegram shows every user lists only commands every member may use.</summary>
public sealed class TelegramCommandMenuTests
{
    [Fact]
    public async Task The_command_menu_in_every_language_leaves_out_the_managers_commands()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var managersCommands = host.Services.GetServices<IChatHandler>()
            .Where(h => h.Access == HandlerAccess.Manager)
            .SelectMany(h => h.Commands)
            .ToArray();
        Assert.Contains("broadcast", managersCommands);

        foreach (var language in new[] { "ru", "uk", "en", null })
        {
            var call = await host.Telegram.WaitForCallAsync("setMyCommands", c => c.Parameter("language_code") == language);
            var menu = Commands(call.Parameter("commands"));

            Assert.Contains("balance", menu);
            Assert.Contains("rewards", menu);
            Assert.Empty(menu.Intersect(managersCommands));
        }
    }

    private static string[] Commands(string? json) =>
        JsonDocument.Parse(json!).RootElement.EnumerateArray().Select(c => c.GetProperty("command").GetString()!).ToArray();
}
