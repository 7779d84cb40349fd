namespace LoyaltyBot.Bot.Import;

/// <summary>
/// What an import did: new records, records that were already there (a re-run), and rejected lines.
/// <see cref="PresentWithOtherData"/> are lines whose record was there already but with other data; they are not
/// counted in <see cref="AlreadyPresent"/>, and the stored records were not changed.
/// </summary>
public sealed record ImportSummary(int Lines, int Imported, int AlreadyPresent, IReadOnlyList<ImportRejection> Rejected)
{
    public IReadOnlyList<ImportDifference> PresentWithOtherData { get; init; } = [];
}
