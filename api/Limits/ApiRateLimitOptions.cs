namespace LoyaltyBot.Api.Limits;

/// <summary>Configuration section <c>RateLimits:Api</c>: requests each API key may make per window on <c>/api/v1</c>.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "RateLimits:Api";

    /// <summary>Requests per key per window; 0 or less turns the limit off. Generous by default: a busy ERP
    /// integration posting single sales must not be throttled (600 requests/s).</summary>
    public int PermitLimit { get; set; } = 30_000;

    /// <summary>Length of the fixed window.</summary>
    public int WindowSeconds { get; set; } = 10;
}
