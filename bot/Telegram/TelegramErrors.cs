using LoyaltyBot.Bot.Delivery;
using Telegram.Bot.Exceptions;

namespace LoyaltyBot.Bot.Telegram;

/// <summary>Maps what the Bot API client throws to what it means for delivery. Keyed on codes, never on texts (except "not modified").</summary>
internal static class TelegramErrors
{
    /// <summary>Failures that come from Telegram or the network, as opposed to bugs in our code.</summary>
    public static bool IsChannelFailure(Exception exception) =>
        exception is RequestException or HttpRequestException or TimeoutException or TaskCanceledException;

    public static bool IsBlocked(Exception exception) => exception is ApiRequestException { ErrorCode: 403 };

    /// <summary>Telegram answers 400 "message is not modified" to an edit that changes nothing: the edit already holds.</summary>
    public static bool IsNotModified(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api
        && api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>The wait Telegram asked for with a 429, if this is one.</summary>
    public static TimeSpan? RetryAfter(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 429 } api
            ? TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1))
            : null;

    public static DeliveryResult ToDeliveryResult(Exception exception) => exception switch
    {
        ApiRequestException { ErrorCode: 429 } => new DeliveryResult.RetryAfter(RetryAfter(exception)!.Value),
        ApiRequestException { ErrorCode: 403 } => new DeliveryResult.Blocked(Describe(exception)),
        ApiRequestException { ErrorCode: >= 500 } => new DeliveryResult.Transient(Describe(exception)),
        // 401/404: our token is wrong or revoked; the message itself is fine once the configuration is fixed.
        ApiRequestException { ErrorCode: 401 or 404 } => new DeliveryResult.Transient(Describe(exception)),
        ApiRequestException => new DeliveryResult.Rejected(Describe(exception)),
        _ => new DeliveryResult.Transient(Describe(exception)),
    };

    /// <summary>A short reason for logs and the outbox: code and Telegram's description, never a URL (it holds the token).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        ApiRequestException api => $"{api.ErrorCode} {api.Message}",
        RequestException { HttpStatusCode: { } status } request => $"{(int)status} {request.Message}",
        RequestException request => request.Message,
        TaskCanceledException or TimeoutException => "timed out",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
