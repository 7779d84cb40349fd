using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// The Bot Framework's signing keys from its OpenID metadata (<c>Teams:OpenIdMetadataUrl</c> → <c>jwks_uri</c>),
/// cached for a day. A token naming a key we do not know makes us fetch the keys again at once — keys rotate — but
/// at most once every five minutes, so a stream of made-up key ids cannot turn us into a load generator. While no
/// keys could be fetched yet, a failed fetch is tried again at most every 30 seconds for the same reason.
/// </summary>
/// <remarks>
/// Not IdentityModel's <c>ConfigurationManager</c>: since version 8 its <c>RequestRefresh</c> only starts a background
/// fetch, so the retry right after it still sees the old keys; the switch that makes it blocking is process-wide and
/// is frozen by the first token anyone in the process creates or validates.
/// </remarks>
internal sealed class BotFrameworkSigningKeys : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstFetchRetryInterval = TimeSpan.FromSeconds(30);

    private readonly string _metadataUrl;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkSigningKeys> _logger;
    private readonly HttpClient _http;
    private readonly LoopbackOrHttpsDocumentRetriever _retriever;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFailedFirstFetch = DateTimeOffset.MinValue;

    public BotFrameworkSigningKeys(TeamsOptions options, TimeProvider time, ILogger<BotFrameworkSigningKeys> logger)
    {
        _metadataUrl = ServiceUrlPolicy.RequireSecureOrLoopback(options.EffectiveOpenIdMetadataUrl, "Teams:OpenIdMetadataUrl").AbsoluteUri;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        _retriever = new LoopbackOrHttpsDocumentRetriever(_http);
    }

    /// <summary>The published key with this id (for its endorsements) and the key to check signatures with; null if unknown.</summary>
    /// <exception cref="IOException">The keys could not be fetched and none are cached.</exception>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (Find(current.Configuration, keyId) is { } known)
        {
            return known;
        }

        var refreshed = await RefreshAsync(current, cancellationToken);
        return refreshed is null ? null : Find(refreshed.Configuration, keyId);
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && _time.GetUtcNow() - fresh.FetchedAt < MaxAge)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && _time.GetUtcNow() - current.FetchedAt < MaxAge)
            {
                return current;
            }

            if (current is null && _time.GetUtcNow() - _lastFailedFirstFetch < FirstFetchRetryInterval)
            {
                // Every anonymous request would otherwise make its own fetch (each up to the 10 s timeout, one after another).
                throw new IOException($"The Bot Framework signing keys could not be fetched from {_metadataUrl}; the next try is at most {FirstFetchRetryInterval.TotalSeconds:0} s after the last.");
            }

            return await FetchAsync(current, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches again unless someone just did, or a forced fetch happened less than five minutes ago.</summary>
    private async Task<Snapshot?> RefreshAsync(Snapshot seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_current, seen))
            {
                return _current;
            }

            var now = _time.GetUtcNow();
            if (now - _lastForcedRefresh < MinRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            return await FetchAsync(seen, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Under the gate. On failure the stale keys stay in use (and are tried again in five minutes) if there are any.</summary>
    private async Task<Snapshot> FetchAsync(Snapshot? stale, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, cancellationToken);
            var snapshot = new Snapshot(configuration, _time.GetUtcNow());
            _current = snapshot;
            return snapshot;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (stale is null)
            {
                _lastFailedFirstFetch = _time.GetUtcNow();
                throw new IOException($"The Bot Framework signing keys could not be fetched from {_metadataUrl}.", exception);
            }

            _logger.LogWarning("The Bot Framework signing keys could not be refreshed; using the cached ones: {Reason}", exception.Message);
            var retrySoon = stale with { FetchedAt = _time.GetUtcNow() - MaxAge + MinRefreshInterval };
            _current = retrySoon;
            return retrySoon;
        }
    }

    private static SigningKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var published = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (published is null)
        {
            return null;
        }

        var signing = configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)) ?? published;
        return new SigningKey(published, signing);
    }

    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, DateTimeOffset FetchedAt);
}
