using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Bot.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace LoyaltyBot.Api.Telegram;

public static class TelegramEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// <c>POST /telegram/webhook</c>: Telegram's calls, authenticated by the secret registered with setWebhook
    /// (not by an API key). Webhook mode requires <c>Telegram:WebhookSecret</c>: without it every call is refused.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        app.MapPost("/telegram/webhook", Receive)
            .WithTags("Telegram")
            .WithSummary("Receives an update from the Telegram Bot API (webhook mode).")
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Handles the update inline, then answers 200, so an acknowledged update is never lost. Whatever goes wrong
    /// inside is logged and still answered 200: any other status makes Telegram redeliver the update over and over.
    /// </summary>
    public static async Task<Results<Ok, ProblemHttpResult>> Receive(
        HttpContext http, TelegramBot bot, IHostApplicationLifetime lifetime, ILogger<TelegramBot> logger)
    {
        if (!SecretMatches(bot.Options.WebhookSecret, http.Request.Headers[SecretHeader].ToString()))
        {
            return ProblemMapping.Problem(
                StatusCodes.Status401Unauthorized,
                "invalid_webhook_secret",
                $"The {SecretHeader} header is missing or wrong (webhook mode requires Telegram:WebhookSecret).",
                SecretHeader);
        }

        if (!bot.IsEnabled)
        {
            return ProblemMapping.Problem(StatusCodes.Status404NotFound, "telegram_disabled", "Telegram is not configured on this host (no Telegram:BotToken).");
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException exception)
        {
            logger.LogWarning("Unreadable Telegram update ignored: {Reason}", exception.Message);
            return TypedResults.Ok();
        }

        if (update is null)
        {
            return TypedResults.Ok();
        }

        try
        {
            // Not the request's token: once the update is claimed it is handled to the end, even if Telegram hangs up.
            var dispatcher = http.RequestServices.GetRequiredService<TelegramUpdateDispatcher>();
            await dispatcher.HandleAsync(update, lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The dispatcher logs its own failures; this is a broken setup (a missing service).
            logger.LogError(exception, "Telegram update {UpdateId} could not be dispatched", update.Id);
        }

        return TypedResults.Ok();
    }

    /// <summary>Constant-time comparison (of hashes, so not even the length leaks); no secret configured means no match.</summary>
    internal static bool SecretMatches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
