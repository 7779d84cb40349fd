using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LoyaltyBot.Tests.Fakes.Teams;

/// <summary>An RSA key like the Bot Framework's: it signs connector tokens and, when published, appears in the JWKS with its endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
    }

    public string KeyId { get; }

    /// <summary>The channels the key vouches for, e.g. <c>msteams</c>.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The public half as a JWK with the Bot Framework's <c>endorsements</c> extension.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        };
    }

    /// <summary>A signed JWT as the Bot Connector sends it; every part can be made wrong for the negative cases.</summary>
    public string Sign(
        string audience,
        string serviceUrl,
        string issuer = "https://api.botframework.com",
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string? keyIdInHeader = null)
    {
        var now = DateTimeOffset.UtcNow;
        var key = new RsaSecurityKey(_rsa) { KeyId = keyIdInHeader ?? KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl), new Claim("appid", audience)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
