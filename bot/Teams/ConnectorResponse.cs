using System.Net;

namespace LoyaltyBot.Bot.Teams;

/// <summary>What the Bot Connector answered to one call.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Id">The id of the created activity or conversation, on success.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> of a 429, if it had one.</param>
/// <param name="ErrorCode">The connector's error code, e.g. <c>MessageWritesBlocked</c>.</param>
internal sealed record ConnectorResponse(HttpStatusCode Status, string? Id = null, TimeSpan? RetryAfter = null, string? ErrorCode = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
