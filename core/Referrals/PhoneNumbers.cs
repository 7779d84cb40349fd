using System.Text;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// Phone numbers as the program stores them: <c>+</c> and 10–15 digits (E.164 without checking country plans).
/// Typed separators (spaces, dashes, dots, brackets) are dropped; Telegram's shared contacts come without the plus.
/// </summary>
public static class PhoneNumbers
{
    public const int MinDigits = 10;
    public const int MaxDigits = 15;

    public static DomainError? Check(string field, string? value, out string normalized)
    {
        normalized = string.Empty;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is required.");
        }

        var digits = new StringBuilder(MaxDigits);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return Invalid(field);
            }
        }

        if (digits.Length is < MinDigits or > MaxDigits || digits[0] == '0')
        {
            return Invalid(field);
        }

        normalized = "+" + digits;
        return null;
    }

    private static DomainError Invalid(string field) =>
        DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be a phone number in international format: + and {MinDigits}–{MaxDigits} digits.");
}
