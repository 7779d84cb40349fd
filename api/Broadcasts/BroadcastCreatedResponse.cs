using LoyaltyBot.Core.Broadcasts;

namespace LoyaltyBot.Api.Broadcasts;

/// <summary><c>recipients</c>: the chat identities the audience had when the campaign was created.</summary>
public sealed record BroadcastCreatedResponse(string Id, BroadcastStatus Status, int Recipients, DateTimeOffset SendAt);
