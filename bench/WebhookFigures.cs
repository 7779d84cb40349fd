namespace LoyaltyBot.Bench;

/// <summary>/balance updates through <c>POST /telegram/webhook</c> from Telegram users linked to seeded members.</summary>
internal sealed record WebhookFigures(
    int Users,
    int Updates,
    int Concurrency,
    double Seconds,
    double UpdatesPerSecond,
    LatencySummary Latency,
    int Errors,
    int Replies,
    IReadOnlyList<string> ErrorSamples);
