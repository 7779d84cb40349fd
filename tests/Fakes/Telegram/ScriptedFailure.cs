namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>A failure queued by FailNext/FailNextWith for the next call of one method.</summary>
internal readonly record struct ScriptedFailure(int StatusCode, int? RetryAfterSeconds)
{
    public FakeResponse ToResponse() => RetryAfterSeconds is { } seconds
        ? BotApiJson.TooManyRequests(seconds)
        : BotApiJson.Error(StatusCode);
}
