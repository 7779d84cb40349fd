using System.Globalization;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// How a sales file writes dates. Only unambiguous forms are read: a value that could mean two
/// things (<c>04/03/2026</c>) is an error rather than a guess, because a wrong guess is stored silently.
/// </summary>
public static class SaleFields
{
    /// <summary>The accepted <c>occurred_at</c> forms, as the README and the rejection message name them.</summary>
    public const string DateFormatsText =
        "yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss[.fff]] with an optional Z or ±HH:mm offset (ISO 8601; a space instead of T is accepted), dd.MM.yyyy or dd.MM.yyyy HH:mm[:ss]";

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "dd.MM.yyyy",
        "dd.MM.yyyy HH:mm",
        "dd.MM.yyyy HH:mm:ss",
    ];

    /// <summary>A date in one of <see cref="DateFormatsText"/>; without an offset it is UTC. Empty is null.</summary>
    public static DomainError? OccurredAt(string text, out DateTimeOffset? occurredAt)
    {
        occurredAt = null;
        if (text.Length == 0)
        {
            return null;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return DomainError.Invalid("occurredAt", Validate.InvalidValue, $"'occurred_at' must be a date as {DateFormatsText}, not '{text}'.");
        }

        occurredAt = parsed;
        return null;
    }
}
