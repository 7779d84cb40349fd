using System.Globalization;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// How a sales file writes units, dates and amounts. Only unambiguous forms are read: a value that could mean two
/// things (<c>04/03/2026</c>, <c>1,2,3.4.5</c>) is an error rather than a guess, because a wrong guess is stored silently.
/// </summary>
public static class SaleFields
{
    /// <summary>The accepted <c>occurred_at</c> forms, as the README and the rejection message name them.</summary>
    public const string DateFormatsText =
        "yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss[.fff]] with an optional Z or ±HH:mm offset (ISO 8601; a space instead of T is accepted), dd.MM.yyyy or dd.MM.yyyy HH:mm[:ss]";

    /// <summary>Spaces that exports put between groups of thousands (Excel: U+00A0 and U+202F).</summary>
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

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

    /// <summary>
    /// A date in one of <see cref="DateFormatsText"/>; without an offset it is a wall-clock time of the program's time zone,
    /// as the HTTP API reads it. Empty is null.
    /// </summary>
    public static DomainError? OccurredAt(string text, ProgramCalendar calendar, out DateTimeOffset? occurredAt)
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

        // RoundtripKind leaves a time without an offset Unspecified (one with an offset or Z would not be).
        var withoutOffset = DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var wallClock)
            && wallClock.Kind == DateTimeKind.Unspecified;
        if (!withoutOffset)
        {
            occurredAt = parsed;
            return null;
        }

        if (!calendar.TryAtLocal(wallClock, out var moment))
        {
            return DomainError.Invalid("occurredAt", Validate.InvalidValue, $"'occurred_at' is out of range: '{text}'.");
        }

        occurredAt = moment;
        return null;
    }

    /// <summary>A whole number; spaces (also U+00A0, U+202F) may group thousands: <c>1 000</c>. Empty is null.</summary>
    public static DomainError? Units(string text, out long? units)
    {
        units = null;
        if (text.Length == 0)
        {
            return null;
        }

        var (negative, body) = Sign(text);
        if (Digits(body, Spaces) is not { } digits
            || !long.TryParse(negative + digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return DomainError.Invalid("units", Validate.InvalidValue, $"'units' must be a whole number (spaces may group thousands: 1 000), not '{text}'.");
        }

        units = parsed;
        return null;
    }

    /// <summary>
    /// A decimal number. Spaces (also U+00A0, U+202F) group thousands. If both <c>,</c> and <c>.</c> occur, the last
    /// one is the decimal mark and must occur once, the other groups thousands (<c>1.234,56</c>, <c>12,500.00</c>).
    /// If only one of them occurs, once, it is the decimal mark (<c>1234,56</c>, <c>1234.56</c>); more than once, it
    /// groups thousands (<c>1.234.567</c>). Groups of thousands have three digits. Empty is null.
    /// </summary>
    public static DomainError? Amount(string text, out decimal? amount)
    {
        amount = null;
        if (text.Length == 0)
        {
            return null;
        }

        if (ParseAmount(text) is not { } parsed)
        {
            return DomainError.Invalid("amount", Validate.InvalidValue,
                $"'amount' must be a number such as 1234.56, 1234,56, 1 234,56, 1.234,56 or 12,500.00, not '{text}'.");
        }

        amount = parsed;
        return null;
    }

    private static decimal? ParseAmount(string text)
    {
        var (negative, body) = Sign(text);
        var commas = body.Count(c => c == ',');
        var dots = body.Count(c => c == '.');
        char? mark = null;
        char? grouping = null;
        if (commas > 0 && dots > 0)
        {
            mark = body[body.LastIndexOfAny([',', '.'])];
            grouping = mark == ',' ? '.' : ',';
            if ((mark == ',' ? commas : dots) > 1)
            {
                return null;
            }
        }
        else if (commas + dots == 1)
        {
            mark = commas == 1 ? ',' : '.';

            // 1,234 or 12.500: a thousands group or three decimals? Money rarely has three decimals, but an export from
            // the other convention often has this shape, so it is refused rather than read either way.
            var at = body.IndexOf(mark.Value);
            if (body.Length - at - 1 == 3 && at is >= 1 and <= 3 && body[0] != '0' && !body[..at].Any(c => Spaces.Contains(c)))
            {
                return null;
            }
        }
        else if (commas + dots > 1)
        {
            grouping = commas > 0 ? ',' : '.';
        }

        var markAt = mark is { } m ? body.IndexOf(m) : -1;
        var whole = markAt < 0 ? body : body[..markAt];
        var fraction = markAt < 0 ? string.Empty : body[(markAt + 1)..];
        char[] separators = grouping is { } g ? [.. Spaces, g] : Spaces;
        if (Digits(whole, separators) is not { } digits || (markAt >= 0 && !IsDigits(fraction)))
        {
            return null;
        }

        var invariant = negative + digits + (markAt < 0 ? string.Empty : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A leading minus is kept, so a negative value reaches the range check and is reported as out of range.</summary>
    private static (string Negative, string Body) Sign(string text) =>
        text.StartsWith('-') ? ("-", text[1..]) : (string.Empty, text);

    /// <summary>
    /// The digits of a whole number, or null: either digits only, or groups split by <paramref name="separators"/>
    /// where the first has one to three digits and every other exactly three.
    /// </summary>
    private static string? Digits(string text, char[] separators)
    {
        var groups = text.Split(separators);
        if (groups.Length == 1)
        {
            return IsDigits(text) ? text : null;
        }

        var valid = groups[0].Length is >= 1 and <= 3 && groups.All(IsDigits) && groups.Skip(1).All(group => group.Length == 3);
        return valid ? string.Concat(groups) : null;
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
