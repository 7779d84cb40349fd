using System.Net;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Identities;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bot.Teams;

/// <summary>
/// Delivers outbox messages to Teams users through their stored conversation reference, opening the personal
/// conversation first when none is stored yet (a user known only from a channel or from installing the bot).
/// </summary>
public sealed class TeamsChannelSender : IChannelSender
{
    public const string Name = "teams";

    /// <summary>
    /// The shortest wait a 429 gets. A 429 does not count as an attempt, so a <c>Retry-After: 0</c> — or an HTTP date
    /// that our clock has already passed — would otherwise resend at once, again and again, while the connector throttles.
    /// </summary>
    internal static readonly TimeSpan MinRetryAfter = TimeSpan.FromSeconds(1);

    private readonly BotConnectorClient _connector;
    private readonly ChatIdentities _identities;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsChannelSender> _logger;

    internal TeamsChannelSender(BotConnectorClient connector, ChatIdentities identities, TeamsOptions options, ILogger<TeamsChannelSender> logger)
    {
        _connector = connector;
        _identities = identities;
        _options = options;
        _logger = logger;
    }

    public string Channel => Name;

    /// <summary>Teams allows about 7 messages a second to one conversation and 50 requests a second per app and tenant.</summary>
    public ChannelLimits Limits { get; } = new(MessagesPerSecond: 50, MinIntervalPerChat: TimeSpan.FromMilliseconds(150));

    public async Task<DeliveryResult> SendAsync(ChatIdentity recipient, ChatMessage message, CancellationToken cancellationToken)
    {
        if (TeamsConversationReference.FromAddress(recipient.Address, recipient.ChannelUserId) is not { } reference)
        {
            return new DeliveryResult.Rejected("no Teams conversation reference stored for this identity");
        }

        try
        {
            var conversationId = reference.ConversationId;
            if (conversationId is null)
            {
                var created = await _connector.CreatePersonalConversationAsync(reference, reference.BotId ?? _options.BotAccountId, cancellationToken);
                if (!created.IsSuccess || created.Id is null)
                {
                    return Outcome(created);
                }

                conversationId = created.Id;
                var withConversation = reference with { ConversationId = conversationId };
                await _identities.SeenAsync(recipient.Channel, recipient.ChannelUserId, conversationId, privateChat: true, withConversation.ToAddress(), cancellationToken);
            }

            var activity = TeamsRenderer.Activity(message);
            var response = message.ReplaceMessageId is { } replace
                ? await _connector.UpdateAsync(reference.ServiceUrl, conversationId, replace, activity, cancellationToken)
                : await _connector.SendAsync(reference.ServiceUrl, conversationId, activity, cancellationToken);
            return response.IsSuccess && message.ReplaceMessageId is { } edited
                ? new DeliveryResult.Sent(response.Id ?? edited)
                : Outcome(response);
        }
        catch (HttpRequestException exception)
        {
            _logger.LogWarning("Teams delivery to {Identity} failed: {Reason}", recipient.Id, exception.Message);
            return new DeliveryResult.Transient(exception.StatusCode is { } status ? $"HTTP {(int)status}" : "network");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.Transient("timeout");
        }
    }

    /// <summary>
    /// 429 with Retry-After → wait that long, at least a second (without it: the outbox's exponential backoff with jitter);
    /// 412/5xx → retry a bounded number of times; 403 MessageWritesBlocked → the user blocked the bot; other 4xx → refused.
    /// </summary>
    internal static DeliveryResult Outcome(ConnectorResponse response) => response switch
    {
        { IsSuccess: true } => new DeliveryResult.Sent(response.Id),
        { Status: HttpStatusCode.TooManyRequests, RetryAfter: { } delay } => new DeliveryResult.RetryAfter(delay < MinRetryAfter ? MinRetryAfter : delay),
        { Status: HttpStatusCode.TooManyRequests } => new DeliveryResult.Transient("429 without Retry-After"),
        { Status: HttpStatusCode.Forbidden, ErrorCode: "MessageWritesBlocked" } => new DeliveryResult.Blocked("MessageWritesBlocked"),
        { Status: HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout } => new DeliveryResult.Transient($"HTTP {(int)response.Status}"),
        { Status: >= HttpStatusCode.InternalServerError } => new DeliveryResult.Transient($"HTTP {(int)response.Status}"),
        _ => new DeliveryResult.Rejected($"HTTP {(int)response.Status}{(response.ErrorCode is { } code ? " " + code : string.Empty)}"),
    };
}
