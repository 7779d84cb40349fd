namespace LoyaltyBot.Bot.Import;

/// <summary>What an import did: new records, records that were already there (a re-run), and rejected lines.</summary>
public sealed record ImportSummary(int Lines, int Imported, int AlreadyPresent, IReadOnlyList<ImportRejection> Rejected);
