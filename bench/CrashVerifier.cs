using System.Net;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>
/// After the last kill: checks the store through the API against what the clients were told, replays every
/// attempted sale and redemption, and checks again. Each finding is a line in <see cref="Problems"/>.
/// </summary>
/// <remarks>
/// A sale exists completely or not at all when: its ledger entry exists exactly once, the member's units are
/// the sum of the units of the sales with an entry, and a replay answers "duplicate" for exactly those sales
/// (the sale document exists) and "created" for the rest. Tiers are checked on the stored member (the list
/// endpoint filters by it), points against the default earning brackets (1 / 1.5 / 2 per unit from units 1,
/// 1001, 5001), which are marginal, so any order of sales earns the same total.
/// </remarks>
internal sealed class CrashVerifier(CrashApi api, CrashJournal journal, CrashSetup setup)
{
    private static readonly (string Name, long MinUnits)[] Tiers = [("Bronze", 0), ("Silver", 1001), ("Gold", 5001), ("Platinum", 20001)];

    public List<string> Problems { get; } = [];

    public int SalesReplayedAsCreated { get; private set; }

    public int RedemptionsReplayedAsCreated { get; private set; }

    public static bool IsRefusal(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var code)
        && code.GetString() is "out_of_stock" or "insufficient_points";

    public async Task RunAsync(CancellationToken ct)
    {
        var appliedBefore = await CheckSalesAsync(expectAll: false, ct);
        foreach (var id in journal.AcknowledgedSales.Keys.Where(id => !appliedBefore.Contains(id)))
        {
            Problems.Add($"acknowledged sale {id} is missing from the ledger");
        }

        await ReplaySalesAsync(appliedBefore, ct);
        await CheckSalesAsync(expectAll: true, ct);
        await CheckTiersAsync(ct);

        var before = await CheckRedemptionsAsync(ct);
        await ReplayRedemptionsAsync(before, ct);
        await CheckRedemptionsAsync(ct);
    }

    /// <summary>Per sales member: no sale entry twice, units = sum of applied sales, points by the brackets, balance = sum of entries.</summary>
    private async Task<HashSet<string>> CheckSalesAsync(bool expectAll, CancellationToken ct)
    {
        var applied = new HashSet<string>();
        var salesByMember = journal.AttemptedSales.Values.ToLookup(s => s.MemberExternalId);
        foreach (var member in setup.SaleMembers)
        {
            var (entries, balance, units) = await LedgerOfAsync(member, ct);
            var saleIds = new List<string>();
            foreach (var entry in entries)
            {
                var sourceRef = entry.GetProperty("sourceRef").GetString()!;
                if (sourceRef.StartsWith("sale:", StringComparison.Ordinal))
                {
                    saleIds.Add(sourceRef["sale:".Length..]);
                }
            }

            foreach (var duplicate in saleIds.GroupBy(id => id).Where(g => g.Count() > 1))
            {
                Problems.Add($"sale {duplicate.Key} has {duplicate.Count()} ledger entries");
            }

            var mine = salesByMember[member].ToDictionary(s => s.Id);
            foreach (var id in saleIds.Distinct())
            {
                if (!mine.ContainsKey(id))
                {
                    Problems.Add($"member {member}: ledger entry for sale {id} that was never sent for this member");
                }

                applied.Add(id);
            }

            var expectedUnits = mine.Values.Where(s => expectAll || applied.Contains(s.Id)).Sum(s => s.Units);
            if (expectAll && saleIds.Distinct().Count() != mine.Count)
            {
                Problems.Add($"member {member}: {saleIds.Distinct().Count()} sales in the ledger after the replay, {mine.Count} sent");
            }

            if (units != expectedUnits)
            {
                Problems.Add($"member {member}: {units} units this year, the sales in the ledger add up to {expectedUnits} (half-applied sale)");
            }

            var accrued = entries.Where(e => e.GetProperty("kind").GetString() == "saleAccrual").Sum(e => e.GetProperty("amount").GetDecimal());
            if (accrued != PointsFor(expectedUnits))
            {
                Problems.Add($"member {member}: {accrued} points accrued for {expectedUnits} units, the brackets give {PointsFor(expectedUnits)}");
            }

            CheckBalance(member, entries, balance);
        }

        return applied;
    }

    private async Task ReplaySalesAsync(HashSet<string> appliedBefore, CancellationToken ct)
    {
        foreach (var chunk in journal.AttemptedSales.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Chunk(500))
        {
            var (status, body) = await api.PostAsync("api/v1/sales/batch", new { sales = chunk.Select(CrashWorkload.ToRequest) }, ct);
            if (status != HttpStatusCode.OK)
            {
                Problems.Add($"sale replay batch answered {(int)status}: {body}");
                continue;
            }

            foreach (var item in body.GetProperty("results").EnumerateArray())
            {
                var id = item.GetProperty("id").GetString()!;
                var itemStatus = item.GetProperty("status").GetString();
                var expected = appliedBefore.Contains(id) ? "duplicate" : "created";
                if (itemStatus != expected)
                {
                    Problems.Add($"replay of sale {id}: {itemStatus}, expected {expected} ({(journal.AcknowledgedSales.ContainsKey(id) ? "acknowledged" : "unacknowledged")}): {item}");
                }
                else if (itemStatus == "created")
                {
                    SalesReplayedAsCreated++;
                }
            }
        }
    }

    /// <summary>The tier stored on each member (what <c>?tier=</c> filters by) is the one its units give.</summary>
    private async Task CheckTiersAsync(CancellationToken ct)
    {
        var storedTier = new Dictionary<string, string>();
        foreach (var (tier, _) in Tiers)
        {
            foreach (var member in await api.GetAllAsync($"api/v1/members?tier={tier}", ct))
            {
                storedTier[member.GetProperty("externalId").GetString()!] = tier;
            }
        }

        foreach (var member in setup.SaleMembers)
        {
            var (_, _, units) = await LedgerOfAsync(member, ct);
            var expected = Tiers.Last(t => t.MinUnits <= units).Name;
            if (storedTier.GetValueOrDefault(member) != expected)
            {
                Problems.Add($"member {member}: stored tier {storedTier.GetValueOrDefault(member) ?? "(none)"}, {units} units give {expected}");
            }
        }
    }

    /// <summary>Redemptions, their debits, the reward's stock and counter agree; returns redemption id → member.</summary>
    private async Task<Dictionary<string, string>> CheckRedemptionsAsync(CancellationToken ct)
    {
        var redemptions = new Dictionary<string, string>();
        foreach (var member in setup.RedemptionMembers)
        {
            var listed = await api.GetAllAsync($"api/v1/members/{member}/redemptions", ct);
            var ids = listed.Select(r => r.GetProperty("id").GetString()!).ToList();
            ids.ForEach(id => redemptions[id] = member);
            var (entries, balance, _) = await LedgerOfAsync(member, ct);
            var debits = entries
                .Where(e => e.GetProperty("kind").GetString() == "redemption")
                .Select(e => (Ref: e.GetProperty("sourceRef").GetString()!, Amount: e.GetProperty("amount").GetDecimal()))
                .ToList();
            foreach (var id in ids)
            {
                var mine = debits.Where(d => d.Ref == $"redemption:{id}").ToList();
                if (mine.Count != 1 || mine[0].Amount != -setup.Cost)
                {
                    Problems.Add($"redemption {id} of {member} has {mine.Count} debits ({string.Join(", ", mine.Select(d => d.Amount))}), expected one of {-setup.Cost}");
                }
            }

            foreach (var orphan in debits.Where(d => !ids.Contains(d.Ref["redemption:".Length..])))
            {
                Problems.Add($"member {member}: debit {orphan.Ref} without a redemption");
            }

            CheckBalance(member, entries, balance);
        }

        foreach (var (key, id) in journal.AcknowledgedRedemptions)
        {
            if (!redemptions.ContainsKey(id))
            {
                Problems.Add($"acknowledged redemption {id} (key {key}) is missing");
            }
        }

        var (status, reward) = await api.GetAsync($"api/v1/rewards/{setup.RewardId}", ct);
        if (status != HttpStatusCode.OK)
        {
            Problems.Add($"GET reward answered {(int)status}");
            return redemptions;
        }

        var stock = reward.GetProperty("stock").GetInt32();
        var timesRedeemed = reward.GetProperty("timesRedeemed").GetInt32();
        if (stock != setup.InitialStock - redemptions.Count || timesRedeemed != redemptions.Count)
        {
            Problems.Add($"reward: stock {stock}, times redeemed {timesRedeemed}, but {redemptions.Count} redemptions of an initial stock of {setup.InitialStock}");
        }

        return redemptions;
    }

    /// <summary>Every attempted key again: acknowledged ones answer 200 with the same id, others either existed (200) or are new (201) or are refused.</summary>
    private async Task ReplayRedemptionsAsync(Dictionary<string, string> before, CancellationToken ct)
    {
        var existed = 0;
        foreach (var attempt in journal.AttemptedRedemptions.Values.Where(a => !journal.RefusedRedemptions.ContainsKey(a.IdempotencyKey)))
        {
            var (status, body) = await api.PostAsync(
                $"api/v1/members/{attempt.MemberExternalId}/redemptions",
                new { rewardId = attempt.RewardId, idempotencyKey = attempt.IdempotencyKey },
                ct);
            var acknowledged = journal.AcknowledgedRedemptions.TryGetValue(attempt.IdempotencyKey, out var acknowledgedId);
            var id = status is HttpStatusCode.OK or HttpStatusCode.Created ? body.GetProperty("id").GetString() : null;
            switch (status)
            {
                case HttpStatusCode.OK when !acknowledged || id == acknowledgedId:
                    if (!before.ContainsKey(id!))
                    {
                        Problems.Add($"replay of redemption key {attempt.IdempotencyKey} found {id}, which was not listed before");
                    }

                    existed++;
                    break;
                case HttpStatusCode.Created when !acknowledged:
                    RedemptionsReplayedAsCreated++;
                    break;
                case HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity when !acknowledged && IsRefusal(body):
                    break;
                default:
                    Problems.Add($"replay of redemption key {attempt.IdempotencyKey} ({(acknowledged ? "acknowledged as " + acknowledgedId : "unacknowledged")}) answered {(int)status}: {body}");
                    break;
            }
        }

        if (existed != before.Count)
        {
            Problems.Add($"{before.Count} redemptions were stored, but only {existed} of the attempted keys find one (orphan redemptions)");
        }
    }

    private void CheckBalance(string member, List<JsonElement> entries, decimal balance)
    {
        var sum = entries.Sum(e => e.GetProperty("amount").GetDecimal());
        if (sum != balance)
        {
            Problems.Add($"member {member}: balance {balance}, ledger entries add up to {sum}");
        }
    }

    private async Task<(List<JsonElement> Entries, decimal Balance, long Units)> LedgerOfAsync(string member, CancellationToken ct)
    {
        var entries = await api.GetAllAsync($"api/v1/members/{member}/ledger", ct);
        var (status, body) = await api.GetAsync($"api/v1/members/{member}", ct);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET member {member} answered {(int)status}: {body}");
        }

        return (entries, body.GetProperty("balance").GetDecimal(), body.GetProperty("unitsThisYear").GetInt64());
    }

    private static decimal PointsFor(long units) =>
        Math.Min(units, 1000) * 1m + Math.Clamp(units - 1000, 0, 4000) * 1.5m + Math.Max(units - 5000, 0) * 2m;
}
