using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Api.Webhooks;

/// <summary>A subscription; the secret is shown in full only in the answer to its creation (or a replacement that set it).</summary>
public sealed record WebhookSubscriptionResponse(
    string Id, string Url, IReadOnlyList<string> EventTypes, bool IsActive, string Secret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookSubscriptionResponse Of(WebhookSubscription s, bool revealSecret) =>
        new(s.Id, s.Url, s.EventTypes, s.IsActive, revealSecret ? s.Secret : Mask(s.Secret), s.CreatedAt, s.UpdatedAt);

    private static string Mask(string secret) => secret.Length <= 4 ? "****" : "****" + secret[^4..];
}
