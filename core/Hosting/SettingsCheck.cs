using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LoyaltyBot.Core.Hosting;

/// <summary>
/// Checks the numeric and named settings an operator may get wrong before anything starts, so a typo stops the
/// process with a sentence naming the key instead of quietly doing harm (<c>Expiry:Months=0</c> would write off every
/// point at the first tick) or failing much later. Only keys that are set are checked; unset keys take their defaults.
/// </summary>
public static class SettingsCheck
{
    private static readonly (string Key, long Min, long Max, string Meaning)[] Numbers =
    [
        ("Storage:CheckpointPages", 100, int.MaxValue, "pages"),
        ("Storage:MaxBatch", 1, int.MaxValue, "operations"),
        ("Storage:MaxTransactionPages", 100, int.MaxValue, "pages"),
        ("Api:MaxRequestBodyBytes", 1024, long.MaxValue, "bytes"),
        ("RateLimits:Api:PermitLimit", 0, int.MaxValue, "requests (0 = no limit)"),
        ("RateLimits:Api:WindowSeconds", 1, int.MaxValue, "seconds"),
        ("RateLimits:Chat:MessagesPerMinute", 0, int.MaxValue, "messages (0 = no limit)"),
        ("Program:YearStartMonth", 1, 12, "a month"),
        ("Joining:CodeLifetimeDays", 1, 3650, "days"),
        ("Joining:MaxFailuresPerHour", 1, int.MaxValue, "attempts"),
        ("Chat:DialogTimeoutMinutes", 1, int.MaxValue, "minutes"),
        ("Outbox:MaxAttempts", 1, int.MaxValue, "attempts"),
        ("Outbox:PollMilliseconds", 10, int.MaxValue, "milliseconds"),
        ("Outbox:NoSenderKeepHours", 1, int.MaxValue, "hours"),
        ("Expiry:Months", 1, 1200, "months"),
        ("Expiry:WarningDays", 0, 3650, "days"),
        ("Expiry:PollSeconds", 0, int.MaxValue, "seconds (0 = off)"),
        ("Quizzes:PollSeconds", 0, int.MaxValue, "seconds (0 = off)"),
        ("Spiffs:PollSeconds", 0, int.MaxValue, "seconds (0 = off)"),
        ("TierYearStart:PollSeconds", 0, int.MaxValue, "seconds (0 = off)"),
        ("Webhooks:PollSeconds", 0, int.MaxValue, "seconds (0 = off)"),
        ("Webhooks:RetryBaseSeconds", 1, int.MaxValue, "seconds"),
        ("Webhooks:RetryMaxSeconds", 1, int.MaxValue, "seconds"),
        ("Webhooks:MaxAttempts", 1, int.MaxValue, "attempts"),
        ("Webhooks:TimeoutSeconds", 1, int.MaxValue, "seconds"),
        ("Broadcasts:ExpansionChunk", 1, int.MaxValue, "recipients"),
        ("Broadcasts:ProgressSeconds", 1, int.MaxValue, "seconds"),
        ("Broadcasts:MaxImageBytes", 1024, int.MaxValue, "bytes"),
        ("Broadcasts:NoSenderGraceMinutes", 0, int.MaxValue, "minutes"),
        ("Rewards:MaxImageBytes", 1024, int.MaxValue, "bytes"),
        ("Contests:ChunkSize", 1, int.MaxValue, "sales"),
        ("Contests:ReminderStaleAfterMinutes", 1, int.MaxValue, "minutes"),
    ];

    private static readonly (string Key, string[] Allowed)[] Names =
    [
        ("Expiry:Mode", ["never", "monthsAfterEarning", "endOfFollowingYear"]),
    ];

    private static readonly string[] TimeZones = ["Program:TimeZone", "Contests:DefaultTimeZone"];

    /// <summary>One sentence per wrong setting; empty when all is well.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (key, min, max, meaning) in Numbers)
        {
            if (configuration[key] is not { } text)
            {
                continue;
            }

            if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add($"{key} must be a whole number of {meaning}, not '{text}'.");
            }
            else if (value < min || value > max)
            {
                problems.Add(max >= int.MaxValue
                    ? $"{key} must be at least {min} ({meaning}), not {value}."
                    : $"{key} must be between {min} and {max} ({meaning}), not {value}.");
            }
        }

        foreach (var (key, allowed) in Names)
        {
            if (configuration[key] is { } text && !allowed.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{key} must be one of {string.Join(", ", allowed)}, not '{text}'.");
            }
        }

        foreach (var key in TimeZones)
        {
            if (configuration[key] is { } text && !TimeZoneInfo.TryFindSystemTimeZoneById(text.Trim(), out _))
            {
                problems.Add($"{key} must be a time zone id such as Europe/Moscow or Europe/Kyiv, not '{text}'.");
            }
        }

        return problems;
    }
}
