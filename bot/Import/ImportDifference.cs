namespace LoyaltyBot.Bot.Import;

/// <summary>
/// A line whose record was already present with other data (e.g. another name). The stored record is kept as it is;
/// <see cref="Differences"/> says what differs, e.g. <c>name 'A' in the file, 'B' stored</c>.
/// </summary>
public sealed record ImportDifference(int Line, string Key, IReadOnlyList<string> Differences);
