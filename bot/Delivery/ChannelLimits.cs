namespace LoyaltyBot.Bot.Delivery;

/// <summary>How fast a channel accepts messages: overall and per chat.</summary>
public sealed record ChannelLimits(int MessagesPerSecond, TimeSpan MinIntervalPerChat, int MaxConcurrency = 8);
