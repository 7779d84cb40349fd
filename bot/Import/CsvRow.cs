namespace LoyaltyBot.Bot.Import;

/// <summary>One record of a CSV file and the line it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
