namespace LoyaltyBot.Bench;

/// <summary>Result of <c>GET /api/v1/members/{externalId}</c> for one randomly chosen member.</summary>
internal sealed record MemberCheckResult(
    string ExternalId,
    int StatusCode,
    string? Tier,
    string? Balance,
    long? UnitsThisYear,
    long ExpectedUnits,
    string? Error)
{
    public bool Ok => StatusCode == 200;

    public bool UnitsMatch => UnitsThisYear == ExpectedUnits;
}
