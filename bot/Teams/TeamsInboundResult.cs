using System.Text.Json.Nodes;

namespace LoyaltyBot.Bot.Teams;

/// <summary>The HTTP answer to one Bot Connector request: a status and, for invokes, a JSON body.</summary>
public sealed record TeamsInboundResult(int StatusCode, JsonNode? Body = null)
{
    public static TeamsInboundResult Ok { get; } = new(200);

    public static TeamsInboundResult Unauthorized { get; } = new(401);

    public static TeamsInboundResult Forbidden { get; } = new(403);

    public static TeamsInboundResult BadRequest { get; } = new(400);
}
