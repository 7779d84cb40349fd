using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Checks the Bot Connector's JWT on an incoming activity as the Bot Framework requires: RS256/384/512 signature by a
/// key from the OpenID metadata (see <see cref="BotFrameworkSigningKeys"/>), issuer
/// <c>https://api.botframework.com</c>, audience = our App ID, lifetime with 5 minutes of skew, the signing key
/// endorsed for the activity's channel, and the token's <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
internal sealed class ConnectorTokenValidator
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly BotFrameworkSigningKeys _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public ConnectorTokenValidator(TeamsOptions options, BotFrameworkSigningKeys keys, TimeProvider time, ILogger<ConnectorTokenValidator> logger)
    {
        _options = options;
        _keys = keys;
        _time = time;
        _logger = logger;
    }

    public async Task<InboundAuthentication> ValidateAsync(string? authorization, TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new InboundAuthentication.Unauthorized("no bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (Read(token) is not { } jwt)
        {
            return new InboundAuthentication.Unauthorized("malformed token");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return new InboundAuthentication.Unauthorized($"algorithm '{jwt.Alg}' not allowed");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return new InboundAuthentication.Unauthorized("token names no signing key");
        }

        var key = await FindKeyAsync(jwt.Kid, cancellationToken);
        if (key is null)
        {
            return new InboundAuthentication.Unauthorized("unknown signing key");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(key.Verifier));
        if (!result.IsValid)
        {
            return new InboundAuthentication.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || !Endorsements(key.Published).Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return new InboundAuthentication.Forbidden($"the signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        var serviceUrlClaim = jwt.TryGetClaim("serviceurl", out var claim) ? claim.Value : null;
        if (string.IsNullOrEmpty(serviceUrlClaim) || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new InboundAuthentication.Forbidden("the token's serviceurl claim does not match the activity");
        }

        return new InboundAuthentication.Accepted();
    }

    /// <summary>
    /// The token's header and claims, or null when it is not a JWT. <c>CanReadToken</c> only counts the dots, and the
    /// parser throws on a part that is not Base64url JSON or a header value of the wrong type (<c>"kid": 5</c>).
    /// </summary>
    private JsonWebToken? Read(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or JsonException)
        {
            return null;
        }
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = TeamsOptions.ConnectorIssuer,
        ValidAudience = _options.AppId,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = LifetimeIsValid,
    };

    /// <summary>On the injected clock, so tests can move time.</summary>
    private bool LifetimeIsValid(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } until
            && now <= until.ToUniversalTime() + ClockSkew
            && (notBefore is not { } from || now >= from.ToUniversalTime() - ClockSkew);
    }

    private async Task<SigningKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        try
        {
            return await _keys.FindAsync(keyId, cancellationToken);
        }
        catch (IOException exception)
        {
            _logger.LogError("Cannot check Bot Connector tokens: {Reason} ({Cause})", exception.Message, exception.InnerException?.Message);
            return null;
        }
    }

    /// <summary>The channels a key is endorsed for (the Bot Framework's <c>endorsements</c> extension of JWK).</summary>
    internal static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            IEnumerable<string> strings => strings.ToArray(),
            IEnumerable<object> objects => objects.OfType<string>().ToArray(),
            _ => [],
        };
    }
}
