namespace LoyaltyBot.Core.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allow <c>http://</c> targets (otherwise only https).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allow loopback, private and link-local targets (for tests and on-premises receivers).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How often the sender looks for due deliveries; 0 turns it off (tests call it directly).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled for each further one.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Longest delay between retries.</summary>
    public int RetryMaxSeconds { get; set; } = 6 * 3600;

    /// <summary>Attempts before a delivery is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    public int TimeoutSeconds { get; set; } = 10;
}
