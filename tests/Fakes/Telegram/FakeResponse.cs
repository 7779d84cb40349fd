namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>An HTTP status plus the Bot API JSON envelope to send back.</summary>
internal sealed record FakeResponse(int StatusCode, string Body);
