using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// The Bot Connector REST calls the bot makes: send, reply, update an activity, and create a 1:1 conversation.
/// The token goes only to service URLs the <see cref="ServiceUrlPolicy"/> allows; redirects are never followed.
/// </summary>
internal sealed class BotConnectorClient : IDisposable
{
    private readonly ConnectorTokenSource _tokens;
    private readonly ServiceUrlPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<BotConnectorClient> _logger;
    private readonly HttpClient _http;

    public BotConnectorClient(ConnectorTokenSource tokens, ServiceUrlPolicy policy, TimeProvider time, ILogger<BotConnectorClient> logger)
    {
        _tokens = tokens;
        _policy = policy;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ConnectorResponse> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>: a reply (in its thread, in channels).</summary>
    public Task<ConnectorResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, cancellationToken);

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>: edits an earlier message of the bot.</summary>
    public Task<ConnectorResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        return CallAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: opens (or finds) the bot's personal conversation with a user.</summary>
    public Task<ConnectorResponse> CreatePersonalConversationAsync(TeamsConversationReference reference, string botId, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId, ["name"] = reference.BotName },
            ["members"] = new JsonArray(new JsonObject { ["id"] = reference.UserId }),
            ["isGroup"] = false,
            ["tenantId"] = reference.TenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = reference.TenantId } },
        };
        return CallAsync(HttpMethod.Post, reference.ServiceUrl, "v3/conversations", parameters, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <exception cref="HttpRequestException">The connector could not be reached, or no token could be had.</exception>
    private async Task<ConnectorResponse> CallAsync(HttpMethod method, string serviceUrl, string path, JsonObject body, CancellationToken cancellationToken)
    {
        if (_policy.Allowed(serviceUrl) is not { } service)
        {
            // Never reached for a checked inbound activity; guards stored references made under an older allow-list.
            _logger.LogWarning("Not calling the Bot Connector at {ServiceUrl}: the host is not in Teams:AllowedServiceHosts", serviceUrl);
            return new ConnectorResponse(HttpStatusCode.Forbidden, ErrorCode: "ServiceUrlNotAllowed");
        }

        var url = new Uri(service.AbsoluteUri.TrimEnd('/') + "/" + path);
        var json = body.ToJsonString(TeamsJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAsync(cancellationToken));
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // The cached token may have been revoked (e.g. a rotated secret): fetch a new one and try once more.
                _tokens.Invalidate();
                continue;
            }

            return await ReadAsync(response, cancellationToken);
        }
    }

    private async Task<ConnectorResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body = default;
        try
        {
            if (text.Length > 0)
            {
                body = JsonSerializer.Deserialize<JsonElement>(text);
            }
        }
        catch (JsonException)
        {
            // Not every error page is JSON; the status says enough.
        }

        var id = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
            ? idValue.GetString()
            : null;
        var errorCode = body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        return new ConnectorResponse(response.StatusCode, id, RetryAfter(response), errorCode);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
