using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// The bot's access token for the Bot Connector (OAuth2 client credentials, scope
/// <c>https://api.botframework.com/.default</c>), cached and fetched anew five minutes before it expires.
/// Neither the app password nor a token is ever logged.
/// </summary>
internal sealed class ConnectorTokenSource : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorTokenSource> _logger;
    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public ConnectorTokenSource(TeamsOptions options, TimeProvider time, ILogger<ConnectorTokenSource> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _endpoint = ServiceUrlPolicy.RequireSecureOrLoopback(options.EffectiveTokenEndpoint, "Teams:TokenEndpoint");
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <summary>A valid token, from the cache when it has more than five minutes left.</summary>
    /// <exception cref="HttpRequestException">The token endpoint refused or could not be reached.</exception>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Cached() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Cached() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.AppId ?? string.Empty,
                ["client_secret"] = _options.AppPassword ?? string.Empty,
                ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var response = await _http.PostAsync(_endpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogError("The token endpoint {Endpoint} answered {Status}; check Teams:AppId, Teams:AppPassword and Teams:TenantId", _endpoint, (int)response.StatusCode);
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new HttpRequestException("The token endpoint answered without an access token.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(60, body.ExpiresIn ?? 3600));
            var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
            _cached = new CachedToken(body.AccessToken, _time.GetUtcNow() + lifetime - margin);
            return body.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (the connector said 401), so the next call fetches a new one.</summary>
    public void Invalidate() => _cached = null;

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private string? Cached() => _cached is { } cached && _time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; init; }

        [JsonPropertyName("expires_in")]
        public long? ExpiresIn { get; init; }
    }
}
