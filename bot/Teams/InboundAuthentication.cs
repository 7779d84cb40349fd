namespace LoyaltyBot.Bot.Teams;

/// <summary>The verdict on an incoming request's Bot Connector token.</summary>
internal abstract record InboundAuthentication
{
    public sealed record Accepted : InboundAuthentication;

    /// <summary>No valid token (missing, malformed, bad signature, issuer, audience, lifetime or algorithm): 401.</summary>
    public sealed record Unauthorized(string Reason) : InboundAuthentication;

    /// <summary>A valid token that does not vouch for this activity (endorsement, service URL): 403.</summary>
    public sealed record Forbidden(string Reason) : InboundAuthentication;
}
