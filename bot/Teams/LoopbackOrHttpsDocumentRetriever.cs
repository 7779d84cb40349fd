using Microsoft.IdentityModel.Protocols;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Fetches the OpenID metadata and the signing keys it points to, refusing any address that is not https (or
/// http to a loopback host), and never following redirects.
/// </summary>
internal sealed class LoopbackOrHttpsDocumentRetriever(HttpClient http) : IDocumentRetriever
{
    private readonly HttpDocumentRetriever _inner = new(http) { RequireHttps = false };

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !ServiceUrlPolicy.IsSecureOrLoopback(uri))
        {
            throw new InvalidOperationException($"Refusing to fetch signing metadata over an insecure address: {address}");
        }

        return _inner.GetDocumentAsync(address, cancel);
    }
}
