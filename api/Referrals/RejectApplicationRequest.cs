namespace LoyaltyBot.Api.Referrals;

/// <summary>The body of a rejection, optional: the reason (at most 500 characters) is shown to the applicant.</summary>
public sealed record RejectApplicationRequest(string? Reason);
