using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Tiers;

/// <summary>
/// Tiers are by units sold in the current program year, so when a new year begins every member's stored tier (which
/// <c>GET /members?tier=</c> and <c>members.csv</c> read, and the next sale compares with) goes back to the tier of the
/// new year's units — usually the lowest. Each move is recorded as a <see cref="TierChange"/> (source
/// <c>year-start:{year}</c>) and emitted as <c>member.tier_changed</c>; members are not messaged. Runs once per program
/// year (remembered in <see cref="TierYear"/>); a restart or a second call in the same year does nothing, and a
/// run cut off halfway finishes at the next call, because only members whose tier differs are touched.
/// </summary>
public sealed class TierYearStart(
    IStoreWriter writer, IDocumentStore store, TierLadder tiers, ProgramCalendar calendar, TimeProvider time, WebhookOutbox? webhooks = null)
{
    public const int ChunkSize = 500;

    /// <summary>Brings every stored tier into the current program year; returns how many members moved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var year = calendar.YearOf(time.GetUtcNow());
        if (store.Set<TierYear>().Get(TierYear.Key) is { } done && done.Year >= year)
        {
            return 0;
        }

        // Found on the read side, so the writer only sees members whose tier really moves (it checks again).
        var lowest = tiers.Lowest;
        var units = store.Set<MemberUnits>();
        var candidates = store.Set<Member>().Find(m => m.Tier != lowest)
            .Where(m => tiers.TierFor(units.Get(MemberUnits.KeyOf(m.Id, year))?.Units ?? 0) != m.Tier)
            .Select(m => m.Id)
            .ToArray();
        var moved = 0;
        foreach (var chunk in candidates.Chunk(ChunkSize))
        {
            moved += await writer.WriteAsync(s => chunk.Count(id => Recompute(s, id, year)), cancellationToken);
        }

        await writer.WriteAsync(s =>
        {
            s.Set<TierYear>().Upsert(new TierYear { Year = year, At = time.GetUtcNow() });
            return true;
        }, cancellationToken);
        return moved;
    }

    private bool Recompute(IDocumentStore s, string memberId, int year)
    {
        var members = s.Set<Member>();
        if (members.Get(memberId) is not { } member)
        {
            return false;
        }

        var units = s.Set<MemberUnits>().Get(MemberUnits.KeyOf(memberId, year))?.Units ?? 0;
        var tier = tiers.TierFor(units);
        if (tier == member.Tier)
        {
            return false;
        }

        s.Set<TierChange>().Insert(new TierChange
        {
            Id = StoreIds.New(),
            MemberId = memberId,
            From = member.Tier,
            To = tier,
            Year = year,
            SourceRef = $"year-start:{year}",
            At = time.GetUtcNow(),
        });
        members.Update(member with { Tier = tier });
        webhooks?.Emit(s, WebhookEventTypes.MemberTierChanged, new
        {
            memberId,
            externalId = member.ExternalId,
            from = member.Tier,
            to = tier,
            year,
        });
        return true;
    }
}
