namespace LoyaltyBot.Core.Results;

/// <summary>Shared field checks, so the API and the chat reject the same input the same way.</summary>
public static class Validate
{
    public const string MissingField = "missing_field";
    public const string InvalidValue = "invalid_value";
    public const string OutOfRange = "out_of_range";
    public const string TooLong = "too_long";

    /// <summary>A required, trimmed text of at most <paramref name="maxLength"/> characters without control characters.</summary>
    public static DomainError? Text(string field, string? value, int maxLength, out string trimmed)
    {
        trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return DomainError.Invalid(field, MissingField, $"'{field}' is required.");
        }

        return OptionalText(field, trimmed, maxLength, out trimmed);
    }

    /// <summary>An optional text: null or blank becomes null.</summary>
    public static DomainError? OptionalText(string field, string? value, int maxLength, out string trimmed)
    {
        trimmed = value?.Trim() ?? string.Empty;
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
