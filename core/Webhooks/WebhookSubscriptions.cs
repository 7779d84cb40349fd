using System.Security.Cryptography;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Webhooks;

/// <summary>Admins subscribe CRM/ERP endpoints to events; URLs are checked by the <see cref="WebhookTargetPolicy"/>.</summary>
public sealed class WebhookSubscriptions(IStoreWriter writer, IDocumentStore store, WebhookTargetPolicy policy, TimeProvider time)
{
    public const int MinSecretLength = 16;

    public IReadOnlyList<WebhookSubscription> List() => store.Set<WebhookSubscription>().FindOrdered(null, s => s.Id, descending: false);

    public WebhookSubscription? Get(string id) => store.Set<WebhookSubscription>().Get(id);

    /// <summary>The subscription's deliveries, newest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries(string id, int limit) =>
        store.Set<WebhookDelivery>().FindOrdered(d => d.SubscriptionId == id, d => d.Id, descending: true, 0, limit);

    public async Task<Result<WebhookSubscription>> CreateAsync(WebhookSubscriptionDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft, out var url, out var secret, out var types) is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = StoreIds.New(),
            Url = url,
            Secret = secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            EventTypes = types,
            IsActive = draft.IsActive ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await writer.WriteAsync(s =>
        {
            s.Set<WebhookSubscription>().Insert(subscription);
            return subscription;
        }, cancellationToken);
    }

    /// <summary>Replaces URL, event types and the active flag; the secret changes only when one is sent.</summary>
    public async Task<Result<WebhookSubscription>> ReplaceAsync(string id, WebhookSubscriptionDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft, out var url, out var secret, out var types) is { } error)
        {
            return error;
        }

        return await writer.WriteAsync<Result<WebhookSubscription>>(s =>
        {
            var set = s.Set<WebhookSubscription>();
            if (set.Get(id) is not { } current)
            {
                return NotFound(id);
            }

            var changed = current with { Url = url, Secret = secret ?? current.Secret, EventTypes = types, IsActive = draft.IsActive ?? current.IsActive, UpdatedAt = time.GetUtcNow() };
            set.Update(changed);
            return changed;
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        writer.WriteAsync(s => s.Set<WebhookSubscription>().Delete(id), cancellationToken);

    public static DomainError NotFound(string id) => DomainError.NotFound("webhook_not_found", $"There is no webhook subscription '{id}'.", "id");

    private DomainError? Check(WebhookSubscriptionDraft draft, out string url, out string? secret, out List<string> types)
    {
        url = string.Empty;
        secret = null;
        types = [];
        if (policy.CheckUrl("url", draft.Url, out var uri) is { } urlError)
        {
            return urlError;
        }

        url = uri!.ToString();
        if (draft.Secret is not null)
        {
            if (Validate.Text("secret", draft.Secret, 200, out var trimmed) is { } secretError)
            {
                return secretError;
            }

            if (trimmed.Length < MinSecretLength)
            {
                return DomainError.Invalid("secret", Validate.OutOfRange, $"'secret' must be at least {MinSecretLength} characters.");
            }

            secret = trimmed;
        }

        if (draft.EventTypes is not { Count: > 0 } requested)
        {
            return DomainError.Invalid("eventTypes", Validate.MissingField, "'eventTypes' needs at least one event type.");
        }

        foreach (var type in requested)
        {
            var name = type?.Trim() ?? string.Empty;
            if (!WebhookEventTypes.All.Contains(name))
            {
                return DomainError.Invalid("eventTypes", Validate.InvalidValue, $"'eventTypes' must hold only {string.Join(", ", WebhookEventTypes.All)}.");
            }

            if (!types.Contains(name))
            {
                types.Add(name);
            }
        }

        return null;
    }
}
