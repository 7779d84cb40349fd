namespace LoyaltyBot.Api.Hosting;

/// <summary>
/// <c>http://localhost:5080</c> unless the operator chose where to listen in any of ASP.NET Core's usual ways
/// (<c>--urls</c>, <c>URLS</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>). A default in
/// appsettings.json would beat the <c>ASPNETCORE_*</c> variables, which are read before it.
/// </summary>
public static class ListenAddressExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    public static IWebHostBuilder UseDefaultListenAddress(this IWebHostBuilder host, IConfiguration configuration)
    {
        string[] chosen = [configuration["urls"] ?? "", configuration["http_ports"] ?? "", configuration["https_ports"] ?? ""];
        return chosen.Any(value => value.Length > 0) || configuration.GetSection("Kestrel:Endpoints").Exists()
            ? host
            : host.UseUrls(DefaultUrl);
    }
}
