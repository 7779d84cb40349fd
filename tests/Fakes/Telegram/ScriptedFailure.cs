namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>A failure queued by FailNext/FailNextWith for the next call of one method.</summary>
internal readonly record struct ScriptedFailure(int StatusCode, int? RetryAfterSeconds)
{
    // A 429 without retry_after would be unlike Telegram, so FailNextWith(…, 429) gets retry_after 1.
    public FakeResponse ToResponse() => StatusCode == 429
        ? BotApiJson.TooManyRequests(RetryAfterSeconds ?? 1)
        : BotApiJson.Error(StatusCode);
}
