using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// One Bot Connector request, start to end: authenticate it, refuse service URLs off the allow-list, then hand the
/// activity to the <see cref="TeamsActivityHandler"/> once (see <see cref="RecentActivities"/>). Nothing is processed
/// for a request that fails a check.
/// </summary>
public sealed class TeamsInbound
{
    /// <summary>Activities are a few kilobytes; anything near this is not from Teams.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    private const string TeamsChannelId = "msteams";

    private readonly ConnectorTokenValidator _validator;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly TeamsActivityHandler _handler;
    private readonly RecentActivities _recent;
    private readonly IReadOnlyList<string> _allowedTenants;
    private readonly ILogger<TeamsInbound> _logger;

    internal TeamsInbound(
        ConnectorTokenValidator validator,
        ServiceUrlPolicy serviceUrls,
        TeamsActivityHandler handler,
        RecentActivities recent,
        TeamsOptions options,
        ILogger<TeamsInbound> logger)
    {
        _validator = validator;
        _serviceUrls = serviceUrls;
        _handler = handler;
        _recent = recent;
        _allowedTenants = options.EffectiveAllowedTenants;
        _logger = logger;
    }

    public async Task<TeamsInboundResult> ProcessAsync(string? authorization, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            _logger.LogInformation("Teams request refused: no Authorization header");
            return TeamsInboundResult.Unauthorized;
        }

        TeamsActivity? activity;
        try
        {
            activity = TeamsActivity.Parse(body.Span);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            return TeamsInboundResult.BadRequest;
        }

        switch (await _validator.ValidateAsync(authorization, activity, cancellationToken))
        {
            case InboundAuthentication.Unauthorized unauthorized:
                _logger.LogInformation("Teams request refused (401): {Reason}", unauthorized.Reason);
                return TeamsInboundResult.Unauthorized;
            case InboundAuthentication.Forbidden forbidden:
                _logger.LogWarning("Teams request refused (403): {Reason}", forbidden.Reason);
                return TeamsInboundResult.Forbidden;
        }

        if (_serviceUrls.Allowed(activity.ServiceUrl) is null)
        {
            _logger.LogWarning("Teams request refused (403): service URL {ServiceUrl} is not in Teams:AllowedServiceHosts", activity.ServiceUrl);
            return TeamsInboundResult.Forbidden;
        }

        if (_allowedTenants.Count > 0 && !_allowedTenants.Contains(activity.TenantId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            _logger.LogWarning("Teams request refused (403): tenant {TenantId} is not in Teams:AllowedTenants", activity.TenantId);
            return TeamsInboundResult.TenantNotAllowed;
        }

        if (activity.ChannelId != TeamsChannelId)
        {
            _logger.LogDebug("Ignoring an activity from channel {Channel}", activity.ChannelId);
            return TeamsInboundResult.Ok;
        }

        if (activity.Id is { Length: > 0 } id && activity.Conversation?.Id is { } conversationId && !_recent.TryClaim(conversationId, id))
        {
            _logger.LogInformation("Teams delivered activity {ActivityId} again (the first delivery took too long to answer); not handled twice", id);
            return TeamsInboundResult.Ok;
        }

        return await _handler.HandleAsync(activity, cancellationToken);
    }
}
