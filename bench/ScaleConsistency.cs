using System.Net;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>
/// Through the API, for a few random seeded members: the balance equals the sum of the member's ledger entries and
/// the newest entry's balanceAfter. Returns one line per problem (none when the seed kept the product's invariants).
/// </summary>
internal static class ScaleConsistency
{
    public static async Task<List<string>> RunAsync(CrashApi api, IReadOnlyList<string> externalIds, int count, Random random, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var id in Enumerable.Range(0, count).Select(_ => externalIds[random.Next(externalIds.Count)]))
        {
            var (status, member) = await api.GetAsync($"api/v1/members/{id}", ct);
            if (status != HttpStatusCode.OK)
            {
                problems.Add($"member {id}: HTTP {(int)status}");
                continue;
            }

            var balance = member.GetProperty("balance").GetDecimal();
            var entries = await api.GetAllAsync($"api/v1/members/{id}/ledger", ct);
            var sum = entries.Sum(e => e.GetProperty("amount").GetDecimal());
            JsonElement? newest = entries.Count == 0 ? null : entries.MaxBy(e => e.GetProperty("id").GetInt64());
            if (sum != balance)
            {
                problems.Add($"member {id}: balance {balance}, sum of {entries.Count} entries {sum}");
            }
            else if (newest is { } last && last.GetProperty("balanceAfter").GetDecimal() != balance)
            {
                problems.Add($"member {id}: balance {balance}, newest entry's balanceAfter {last.GetProperty("balanceAfter")}");
            }
        }

        return problems;
    }
}
