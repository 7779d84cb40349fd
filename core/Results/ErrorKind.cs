namespace LoyaltyBot.Core.Results;

/// <summary>What kind of mistake a <see cref="DomainError"/> describes; the API maps it to a status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,

    /// <summary>A conditional request (<c>If-Match</c>) about a version that is no longer current.</summary>
    PreconditionFailed,
}
