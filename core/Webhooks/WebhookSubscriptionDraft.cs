namespace LoyaltyBot.Core.Webhooks;

/// <summary>What an admin sends to create or replace a subscription; a missing secret is generated.</summary>
public sealed record WebhookSubscriptionDraft(string? Url, string? Secret, List<string?>? EventTypes, bool? IsActive = null);
