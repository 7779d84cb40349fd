namespace LoyaltyBot.Core.Results;

/// <summary>Shared field checks, so the API and the chat reject the same input the same way.</summary>
public static class Validate
{
    public const string MissingField = "missing_field";
    public const string InvalidValue = "invalid_value";
    public const string OutOfRange = "out_of_range";
    public const string TooLong = "too_long";

    /// <summary>
    /// A required, trimmed text of at most <paramref name="maxLength"/> characters without control characters. A text
    /// with nothing visible in it (only spaces and invisible format characters such as U+200B) is missing.
    /// </summary>
    public static DomainError? Text(string field, string? value, int maxLength, out string trimmed)
    {
        trimmed = value?.Trim() ?? string.Empty;
        if (IsBlank(trimmed))
        {
            trimmed = string.Empty;
            return DomainError.Invalid(field, MissingField, $"'{field}' is required.");
        }

        return OptionalText(field, trimmed, maxLength, out trimmed);
    }

    /// <summary>An optional text: null or blank (nothing visible, see <see cref="IsBlank"/>) becomes empty.</summary>
    public static DomainError? OptionalText(string field, string? value, int maxLength, out string trimmed)
    {
        trimmed = value?.Trim() ?? string.Empty;
        if (IsBlank(trimmed))
        {
            trimmed = string.Empty;
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            return DomainError.Invalid(field, TooLong, $"'{field}' must be at most {maxLength} characters.");
        }

        var text = trimmed;
        if (text.Any(char.IsControl) || !IsValidSurrogates(text))
        {
            return DomainError.Invalid(field, InvalidValue, $"'{field}' contains control or invalid characters.");
        }

        return null;
    }

    /// <summary>
    /// True when the text shows nothing: only white space and invisible characters, i.e. the format characters
    /// (category Cf: zero-width space and joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, bidi controls
    /// U+202A–U+202E…) and the Hangul fillers that render blank. Such characters inside a visible text are left alone:
    /// the zero-width joiner is part of emoji such as 👨‍👩‍👧.
    /// </summary>
    public static bool IsBlank(string? text)
    {
        foreach (var c in text ?? string.Empty)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0';

    private static bool IsValidSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
