namespace LoyaltyBot.Core.Webhooks;

/// <summary>One try to deliver: the HTTP status, or the error when there was none.</summary>
public sealed record WebhookAttempt
{
    public DateTimeOffset At { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public long DurationMs { get; init; }
}
