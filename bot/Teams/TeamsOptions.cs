namespace LoyaltyBot.Bot.Teams;

/// <summary>Configuration section <c>Teams</c>: the bot's Azure registration and the Bot Framework endpoints.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The tenant of multi-tenant bots.</summary>
    public const string DefaultTenantId = "botframework.com";

    /// <summary>The issuer of every token the Bot Connector sends us.</summary>
    public const string ConnectorIssuer = "https://api.botframework.com";

    /// <summary>The scope of the tokens we present to the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    public static IReadOnlyList<string> DefaultAllowedServiceHosts { get; } =
        ["*.botframework.com", "smba.trafficmanager.net", "*.teams.microsoft.com"];

    /// <summary>The bot's Microsoft App ID; without it the Teams endpoint is not mapped.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the app registration. Never logged.</summary>
    public string? AppPassword { get; set; }

    public string? TenantId { get; set; }

    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Defaults to <c>https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Hosts the Bot Connector may live on: a host name, or <c>*.</c> and a domain for its subdomains. Left null here
    /// (not a pre-filled list) because the configuration binder appends to an existing list instead of replacing it.
    /// </summary>
    public string[]? AllowedServiceHosts { get; set; }

    /// <summary>Tenants whose activities are accepted; empty accepts every tenant that can reach the bot.</summary>
    public string[]? AllowedTenants { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId);

    public IReadOnlyList<string> EffectiveAllowedTenants =>
        AllowedTenants?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray() ?? [];

    public string EffectiveTenantId => string.IsNullOrWhiteSpace(TenantId) ? DefaultTenantId : TenantId.Trim();

    public string EffectiveOpenIdMetadataUrl =>
        string.IsNullOrWhiteSpace(OpenIdMetadataUrl) ? DefaultOpenIdMetadataUrl : OpenIdMetadataUrl.Trim();

    public string EffectiveTokenEndpoint =>
        string.IsNullOrWhiteSpace(TokenEndpoint)
            ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(EffectiveTenantId)}/oauth2/v2.0/token"
            : TokenEndpoint.Trim();

    public IReadOnlyList<string> EffectiveAllowedServiceHosts =>
        AllowedServiceHosts is { Length: > 0 } hosts
            ? hosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray()
            : DefaultAllowedServiceHosts;

    /// <summary>The bot's own id in Teams conversations when a stored conversation reference lacks it.</summary>
    public string BotAccountId => $"28:{AppId}";
}
