using System.Text;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// Phone numbers as the program stores them: E.164, <c>+</c> and 10–15 digits (without checking country plans), so one
/// phone is one value however it was written. Typed separators (spaces, dashes, dots, brackets) are dropped. A typed
/// number without <c>+</c> is read the way people write it at home: <c>8 916 123-45-67</c> and <c>7 916…</c> (11
/// digits) are Russian (+7), <c>067 123 45 67</c> (10 digits from 0) and <c>380…</c> (12 digits) are Ukrainian (+380);
/// anything else needs the <c>+</c>. A contact shared through the channel is international already, with or without
/// the <c>+</c> (Telegram sends the digits alone).
/// </summary>
public static class PhoneNumbers
{
    public const int MinDigits = 10;
    public const int MaxDigits = 15;

    /// <summary>A number the user typed.</summary>
    public static DomainError? Check(string field, string? value, out string normalized) =>
        Check(field, value, shared: false, out normalized);

    /// <summary>A typed number, or (<paramref name="shared"/>) one from the channel's contact button.</summary>
    public static DomainError? Check(string field, string? value, bool shared, out string normalized)
    {
        normalized = string.Empty;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is required.");
        }

        var plus = text[0] == '+';
        var digits = new StringBuilder(MaxDigits);
        for (var i = plus ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return Invalid(field);
            }
        }

        var international = plus || shared ? digits.ToString() : National(digits.ToString());
        if (international is not { Length: >= MinDigits and <= MaxDigits } || international[0] == '0')
        {
            return Invalid(field);
        }

        normalized = "+" + international;
        return null;
    }

    /// <summary>
    /// How <paramref name="phone"/> (stored form) may have been stored: itself and, for a Russian <c>+7</c> number, the
    /// <c>+8…</c> that versions before E.164 phones stored when it was typed with the trunk 8 (8 916 … → +8916…). Those
    /// stored values are kept as written (an 11-digit +8… may also be a Korean or Vietnamese number), so lookups try both.
    /// </summary>
    public static IReadOnlyList<string> StoredSpellingsOf(string phone) =>
        phone is { Length: 12 } && phone.StartsWith("+7", StringComparison.Ordinal) ? [phone, "+8" + phone[2..]] : [phone];

    /// <summary>The international digits of a number typed without <c>+</c>, or null when it needs the <c>+</c>.</summary>
    private static string? National(string digits) => digits switch
    {
        { Length: 11 } when digits[0] == '8' => "7" + digits[1..], // Russian trunk prefix: 8 916 … = +7 916 …
        { Length: 11 } when digits[0] == '7' => digits,
        { Length: 10 } when digits[0] == '0' => "38" + digits, // Ukrainian: 067 … = +380 67 …
        { Length: 12 } when digits.StartsWith("380", StringComparison.Ordinal) => digits,
        _ => null,
    };

    private static DomainError Invalid(string field) =>
        DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be a phone number: + and {MinDigits}–{MaxDigits} digits, or a Russian (8…, 7…) or Ukrainian (0…, 380…) number.");
}
