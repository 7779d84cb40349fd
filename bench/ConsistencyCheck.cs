using System.Net;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>GETs a few random members and records status, tier, balance and unitsThisYear (vs. units the bench saw accepted).</summary>
internal static class ConsistencyCheck
{
    public static async Task<List<MemberCheckResult>> RunAsync(
        LoyaltyApiClient client, IReadOnlyList<string> memberIds, ExpectedUnits expected, int count, Random random, CancellationToken ct)
    {
        var picked = memberIds.OrderBy(_ => random.Next()).Take(count).ToList();
        var results = new List<MemberCheckResult>(picked.Count);
        foreach (var id in picked)
        {
            try
            {
                var (status, body, error) = await client.GetMemberAsync(id, ct);
                results.Add(new MemberCheckResult(
                    id,
                    (int)status,
                    Tier: body is { } b1 ? Text(b1, "tier") : null,
                    Balance: body is { } b2 ? Text(b2, "balance") : null,
                    UnitsThisYear: body is { } b3 ? Number(b3, "unitsThisYear") : null,
                    ExpectedUnits: expected.Get(id),
                    Error: error ?? (status == HttpStatusCode.OK && body is { } b4 && !SameId(b4, id) ? "externalId in body differs" : null)));
            }
            catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, ct))
            {
                results.Add(new MemberCheckResult(id, 0, null, null, null, expected.Get(id), e.Message));
            }
        }

        return results;
    }

    private static string? Text(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ToString()
            : null;

    private static long? Number(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static bool SameId(JsonElement body, string id) => Text(body, "externalId") is not { } actual || actual == id;
}
