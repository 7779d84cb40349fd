namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Where the bot may send its connector token: only to service URLs on the allow-list (so a forged or odd
/// <c>serviceUrl</c> cannot make us leak the token to another host), and only over https — plain http is
/// accepted for loopback hosts alone, so tests and local emulators work.
/// </summary>
public sealed class ServiceUrlPolicy(TeamsOptions options)
{
    private readonly IReadOnlyList<string> _hosts = options.EffectiveAllowedServiceHosts;

    /// <summary>The parsed service URL when it is absolute, secure (or loopback) and on the allow-list; else null.</summary>
    public Uri? Allowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !IsSecureOrLoopback(uri) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var host = uri.IdnHost;
        return _hosts.Any(entry => Matches(entry, host)) ? uri : null;
    }

    /// <summary>https, or http to a loopback host.</summary>
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    /// <summary>Throws at startup for a configured endpoint that is neither https nor loopback http.</summary>
    public static Uri RequireSecureOrLoopback(string url, string setting)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsSecureOrLoopback(uri))
        {
            throw new InvalidOperationException($"{setting} must be an absolute https URL (plain http only for a loopback host): '{url}'.");
        }

        return uri;
    }

    /// <summary><c>smba.trafficmanager.net</c> matches itself; <c>*.botframework.com</c> matches its subdomains only.</summary>
    internal static bool Matches(string entry, string host)
    {
        if (entry.StartsWith("*.", StringComparison.Ordinal))
        {
            var domain = entry[1..];
            return host.Length > domain.Length && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(entry, host, StringComparison.OrdinalIgnoreCase);
    }
}
