using System.Diagnostics;
using System.Net;

namespace LoyaltyBot.Bench;

/// <summary>Creates the benchmark members in parallel (201 created, 409 already existed, anything else an error).</summary>
internal static class MemberSetup
{
    public static async Task<MemberSetupResult> RunAsync(LoyaltyApiClient client, IReadOnlyList<string> memberIds, int concurrency, CancellationToken ct)
    {
        var created = 0;
        var existed = 0;
        var errors = new ErrorLog();
        var stopwatch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(memberIds, parallel, async (id, token) =>
        {
            try
            {
                var (status, error) = await client.CreateMemberAsync(new MemberRequest(id, "Bench member " + id), token);
                switch (status)
                {
                    case HttpStatusCode.Created:
                        Interlocked.Increment(ref created);
                        break;
                    case HttpStatusCode.Conflict:
                        Interlocked.Increment(ref existed);
                        break;
                    default:
                        errors.Add($"POST /api/v1/members {id}: HTTP {(int)status} {error}");
                        break;
                }
            }
            catch (Exception e) when (LoyaltyApiClient.IsRequestFailure(e, token))
            {
                errors.Add($"POST /api/v1/members {id}: {e.Message}");
            }
        });

        return new MemberSetupResult(memberIds.Count, created, existed, errors.Count, Math.Round(stopwatch.Elapsed.TotalSeconds, 3), errors.Samples);
    }
}
