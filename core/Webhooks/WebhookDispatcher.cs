using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using LoyaltyBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Core.Webhooks;

/// <summary>
/// Delivers due webhook events: POSTs the stored body with <c>X-LoyaltyBot-Signature: sha256=&lt;hex HMAC-SHA256 of the
/// body keyed by the subscription's secret&gt;</c>, records every attempt, and retries failures with exponential backoff
/// until <see cref="WebhookOptions.MaxAttempts"/>. The address connected to is checked against
/// <see cref="WebhookTargetPolicy"/> after DNS resolution; a refused target fails at once.
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    public const string SignatureHeader = "X-LoyaltyBot-Signature";
    public const string EventHeader = "X-LoyaltyBot-Event";
    public const string DeliveryHeader = "X-LoyaltyBot-Delivery";
    private const int Batch = 100;

    private readonly IStoreWriter _writer;
    private readonly IDocumentStore _store;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;

    public WebhookDispatcher(
        IStoreWriter writer, IDocumentStore store, WebhookOptions options, WebhookTargetPolicy policy, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _writer = writer;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host.Trim('[', ']');
                var addresses = IPAddress.TryParse(host, out var literal)
                    ? new[] { literal }
                    : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var allowed = addresses.Where(policy.MayConnect).ToArray();
                if (allowed.Length == 0)
                {
                    throw new WebhookTargetRefusedException($"{host} resolves only to loopback, private or link-local addresses.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)) };
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Attempts every delivery that is due now, oldest first; returns how many attempts were made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = _store.Set<WebhookDelivery>()
            .FindOrdered(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now, d => d.Id, descending: false, 0, Batch);
        foreach (var delivery in due)
        {
            await AttemptAsync(delivery, cancellationToken);
        }

        return due.Count;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var subscription = _store.Set<WebhookSubscription>().Get(delivery.SubscriptionId);
        if (subscription is not { IsActive: true })
        {
            await RecordAsync(delivery.Id, new WebhookAttempt { At = _time.GetUtcNow(), Error = "The subscription was removed or deactivated." }, giveUp: true, cancellationToken);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var at = _time.GetUtcNow();
        WebhookAttempt attempt;
        var giveUp = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(SignatureHeader, Sign(subscription.Secret, delivery.Body));
            request.Headers.Add(EventHeader, delivery.EventType);
            request.Headers.Add(DeliveryHeader, delivery.Id);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            attempt = new WebhookAttempt { At = at, StatusCode = (int)response.StatusCode, DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var refused = FindRefusal(exception);
            giveUp = refused is not null;
            attempt = new WebhookAttempt
            {
                At = at,
                Error = refused is not null ? $"{WebhookTargetPolicy.RefusedTarget}: {refused.Message}" : exception.GetBaseException().Message,
                DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            };
            _logger.LogWarning("Webhook delivery {Delivery} to {Subscription} failed: {Error}", delivery.Id, subscription.Id, attempt.Error);
        }

        await RecordAsync(delivery.Id, attempt, giveUp, cancellationToken);
    }

    private Task RecordAsync(string id, WebhookAttempt attempt, bool giveUp, CancellationToken cancellationToken) =>
        _writer.WriteAsync(store =>
        {
            var deliveries = store.Set<WebhookDelivery>();
            if (deliveries.Get(id) is not { Status: WebhookDeliveryStatus.Pending } current)
            {
                return false;
            }

            var attempts = new List<WebhookAttempt>(current.Attempts) { attempt };
            var ok = attempt.StatusCode is >= 200 and < 300;
            var failed = !ok && (giveUp || attempts.Count >= _options.MaxAttempts);
            var delay = TimeSpan.FromSeconds(Math.Min(_options.RetryMaxSeconds, _options.RetryBaseSeconds * Math.Pow(2, attempts.Count - 1)));
            deliveries.Update(current with
            {
                Attempts = attempts,
                Status = ok ? WebhookDeliveryStatus.Delivered : failed ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending,
                DeliveredAt = ok ? attempt.At : null,
                NextAttemptAt = ok || failed ? current.NextAttemptAt : _time.GetUtcNow() + delay,
            });
            return true;
        }, cancellationToken);

    private static WebhookTargetRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
