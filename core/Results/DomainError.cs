namespace LoyaltyBot.Core.Results;

/// <summary>
/// A mistake a user or integrator made. <see cref="Code"/> is stable and machine-readable
/// (integrators switch on it); <see cref="Message"/> is an English developer message;
/// chat front ends translate the code instead.
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static DomainError Invalid(string field, string code, string message) =>
        new(ErrorKind.Validation, code, message, field);

    public static DomainError NotFound(string code, string message, string? field = null) =>
        new(ErrorKind.NotFound, code, message, field);

    public static DomainError Conflict(string code, string message, string? field = null) =>
        new(ErrorKind.Conflict, code, message, field);

    public static DomainError Unprocessable(string code, string message, string? field = null) =>
        new(ErrorKind.Unprocessable, code, message, field);

    public static DomainError PreconditionFailed(string code, string message, string? field = null) =>
        new(ErrorKind.PreconditionFailed, code, message, field);
}
