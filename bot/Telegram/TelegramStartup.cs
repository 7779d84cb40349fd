using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>
/// On start: says once that Telegram is off when there is no token; otherwise learns the bot's username
/// (getMe, retried in the background), publishes the command menu in every language and, in webhook mode,
/// registers the webhook with its secret. Runs in the background so an unreachable Telegram never delays the API.
/// </summary>
public sealed partial class TelegramStartup(TelegramBot bot, LoyaltyBot.Bot.Conversations.ConversationEngine engine, ILogger<TelegramStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!bot.IsEnabled)
        {
            if (!bot.Options.HasToken)
            {
                logger.LogInformation("Telegram is off: no Telegram:BotToken is configured. The API and the terminal chat run without it");
            }

            return;
        }

        var options = bot.Options;
        logger.LogInformation("Telegram is on in {Mode} mode", options.EffectiveMode);
        await Task.WhenAll(
            LearnUsernameAsync(stoppingToken),
            TelegramBackoff.RetryAsync(PublishCommandsAsync, "setMyCommands", logger, stoppingToken),
            options.EffectiveMode == TelegramMode.Webhook ? RegisterWebhookAsync(options, stoppingToken) : Task.CompletedTask);
    }

    private async Task LearnUsernameAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; await bot.GetUsernameAsync(stoppingToken) is null; failures++)
        {
            await Task.Delay(TelegramBackoff.After(failures), stoppingToken);
        }
    }

    private async Task PublishCommandsAsync(CancellationToken cancellationToken)
    {
        await bot.Client.SetMyCommands(TelegramCommands.For(null, engine.Commands), cancellationToken: cancellationToken);
        foreach (var language in TelegramCommands.MenuLanguages)
        {
            await bot.Client.SetMyCommands(TelegramCommands.For(language, engine.Commands), languageCode: language, cancellationToken: cancellationToken);
        }
    }

    private Task RegisterWebhookAsync(TelegramOptions options, CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookSecret) || !SecretFormat().IsMatch(options.WebhookSecret))
        {
            logger.LogError(
                "Webhook mode requires Telegram:WebhookSecret (1-256 of A-Z a-z 0-9 _ -); until it is set, POST /telegram/webhook refuses every call and the webhook is not registered");
            return Task.CompletedTask;
        }

        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            logger.LogWarning("Webhook mode without Telegram:WebhookUrl: setWebhook is not called, so register the webhook yourself");
            return Task.CompletedTask;
        }

        return TelegramBackoff.RetryAsync(
            ct => bot.Client.SetWebhook(
                options.WebhookUrl.Trim(),
                allowedUpdates: TelegramUpdateDispatcher.AllowedUpdates,
                secretToken: options.WebhookSecret,
                cancellationToken: ct),
            "setWebhook",
            logger,
            stoppingToken);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex SecretFormat();
}
