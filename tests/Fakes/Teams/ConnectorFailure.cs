namespace LoyaltyBot.Tests.Fakes.Teams;

/// <summary>A scripted answer for the next connector call: a status, optionally a Retry-After and an error code.</summary>
public sealed record ConnectorFailure(int StatusCode, TimeSpan? RetryAfter = null, string? ErrorCode = null);
