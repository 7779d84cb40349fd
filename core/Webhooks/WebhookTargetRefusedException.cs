namespace LoyaltyBot.Core.Webhooks;

/// <summary>A delivery's host resolved only to addresses the <see cref="WebhookTargetPolicy"/> refuses.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);
