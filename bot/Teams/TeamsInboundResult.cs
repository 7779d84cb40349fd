using System.Text.Json.Nodes;

namespace LoyaltyBot.Bot.Teams;

/// <summary>The HTTP answer to one Bot Connector request: a status and, for invokes, a JSON body.</summary>
/// <param name="Code">For a refusal that is not about the token: the problem code the endpoint answers with.</param>
public sealed record TeamsInboundResult(int StatusCode, JsonNode? Body = null, string? Code = null)
{
    public static TeamsInboundResult Ok { get; } = new(200);

    public static TeamsInboundResult Unauthorized { get; } = new(401);

    public static TeamsInboundResult Forbidden { get; } = new(403);

    public static TeamsInboundResult BadRequest { get; } = new(400);

    public static TeamsInboundResult TenantNotAllowed { get; } = new(403, Code: "tenant_not_allowed");
}
