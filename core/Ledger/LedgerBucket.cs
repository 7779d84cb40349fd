namespace LoyaltyBot.Core.Ledger;

/// <summary>
/// The ids of up to <see cref="Size"/> of one member's ledger entries, oldest first: bucket <c>n</c> holds the member's
/// entries <c>n × Size</c> to <c>(n + 1) × Size − 1</c>, and <see cref="Members.Member.LedgerEntries"/> says how many
/// there are. This replaces an index on the ledger's member id: on a ledger of millions of entries every insert into
/// that index lands at a random place of LiteDB's skip list and reads and rewrites dozens of pages, where updating the
/// member's newest bucket touches one small document.
/// </summary>
public sealed record LedgerBucket
{
    public const int Size = 64;

    /// <summary><see cref="KeyOf"/>(member id, number).</summary>
    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public int Number { get; init; }

    public long[] EntryIds { get; init; } = [];

    public static string KeyOf(string memberId, int number) => $"{memberId}:{number:D8}";

    /// <summary>The buckets holding all of a member's entry ids, given oldest first.</summary>
    public static IEnumerable<LedgerBucket> AllOf(string memberId, IEnumerable<long> entryIds) => entryIds
        .Chunk(Size)
        .Select((ids, number) => new LedgerBucket { Id = KeyOf(memberId, number), MemberId = memberId, Number = number, EntryIds = ids });
}
