namespace LoyaltyBot.Bot.Import;

/// <summary>A line that was not imported, and why (the domain's error code and message).</summary>
public sealed record ImportRejection(int Line, string Code, string Message);
