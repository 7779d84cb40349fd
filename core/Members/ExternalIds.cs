using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Members;

/// <summary>
/// The company's own member code. It travels in URL paths (<c>/api/v1/members/{externalId}</c>), where ASP.NET Core
/// leaves an encoded slash encoded, so a code with a slash could be created but never read back: it is refused.
/// </summary>
public static class ExternalIds
{
    public const int MaxLength = 64;

    private static readonly char[] PathSeparators = ['/', '\\'];

    public static DomainError? Check(string field, string? value, out string trimmed)
    {
        var error = Validate.Text(field, value, MaxLength, out trimmed);
        return error ?? (trimmed.IndexOfAny(PathSeparators) >= 0
            ? DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must not contain '/' or '\\'.")
            : null);
    }

    /// <summary>Blank is allowed (and becomes empty); anything else must pass <see cref="Check"/>.</summary>
    public static DomainError? CheckOptional(string field, string? value, out string trimmed) =>
        Validate.IsBlank(value)
            ? Validate.OptionalText(field, value, MaxLength, out trimmed)
            : Check(field, value, out trimmed);
}
