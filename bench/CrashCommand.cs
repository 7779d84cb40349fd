using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>crash</c>: SIGKILLs the API under write load again and again on the same LiteDB file, then checks
/// that acknowledged writes survived exactly once and unacknowledged ones are all-or-nothing.
/// </summary>
internal static class CrashCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        CrashOptions options;
        try
        {
            options = CrashOptions.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CrashOptions.Usage);
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            Console.WriteLine(CrashOptions.Usage);
            return ExitCodes.Ok;
        }

        using var dir = TempDirectory.Create("loyaltybot-crash");
        var storagePath = Path.Combine(dir.Path, "crash.db");
        var adminKey = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        var random = new Random(options.Seed);
        var journal = new CrashJournal();
        var log = Console.Out;
        var started = Stopwatch.StartNew();
        log.WriteLine($"Crash test: {options.Kills} kills, seed {options.Seed}, storage {storagePath}");

        Task<ApiHost> Start() => ApiHost.StartAsync(options.ApiDll, options.Build, TextWriter.Null, ct, storagePath: storagePath, adminKey: adminKey);

        CrashSetup setup;
        await using (var first = await Start())
        {
            using var api = new CrashApi(first.BaseUrl, adminKey);
            setup = await SetUpAsync(api, options, ct);
        }

        var survived = 0;
        for (var life = 1; life <= options.Kills; life++)
        {
            await using var host = await Start();
            using var api = new CrashApi(host.BaseUrl, adminKey);
            using var stop = new CancellationTokenSource();
            var workload = new CrashWorkload(api, journal, setup, life, random);
            var running = workload.RunAsync(stop.Token);

            // Most kills land while writes stream (after the first answer: the JIT warm-up of a fresh process
            // can take seconds on a busy machine); every fourth one at any moment, warm-up included.
            if (life % 4 != 0)
            {
                var warmUp = Stopwatch.StartNew();
                while (workload.Answered == 0 && warmUp.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(10, ct);
                }
            }

            await Task.Delay(random.Next(options.MinRunMs, options.MaxRunMs + 1), ct);
            await host.KillAsync();
            stop.Cancel();
            await running;
            survived++;
            log.WriteLine($"  kill {life,3}: {workload.Answered,5} answers; so far {journal.AttemptedSales.Count} sales sent, {journal.AcknowledgedSales.Count} acknowledged; {journal.AttemptedRedemptions.Count} redemptions sent, {journal.AcknowledgedRedemptions.Count} acknowledged");
        }

        await using var final = await Start();
        using var finalApi = new CrashApi(final.BaseUrl, adminKey);
        var verifier = new CrashVerifier(finalApi, journal, setup);
        await verifier.RunAsync(ct);
        var problems = journal.Anomalies.Concat(verifier.Problems).ToList();

        log.WriteLine();
        log.WriteLine($"Kills survived:            {survived}");
        log.WriteLine($"Sales sent / acknowledged: {journal.AttemptedSales.Count} / {journal.AcknowledgedSales.Count} (unacknowledged and absent, created by the final replay: {verifier.SalesReplayedAsCreated})");
        log.WriteLine($"Redemptions sent / acknowledged / refused: {journal.AttemptedRedemptions.Count} / {journal.AcknowledgedRedemptions.Count} / {journal.RefusedRedemptions.Count} (created by the final replay: {verifier.RedemptionsReplayedAsCreated})");
        log.WriteLine($"Elapsed:                   {started.Elapsed.TotalSeconds:F0} s");
        if (problems.Count == 0)
        {
            log.WriteLine("CONSISTENT: every acknowledged write is there exactly once, nothing is half-applied, balances = ledger sums, tiers match units, stock = redemptions.");
            return ExitCodes.Ok;
        }

        Console.Error.WriteLine($"INCONSISTENT: {problems.Count} problem(s) (seed {options.Seed}):");
        foreach (var problem in problems.Take(50))
        {
            Console.Error.WriteLine("  " + problem);
        }

        return ExitCodes.Errors;
    }

    /// <summary>Sales members, redemption members with plenty of points, and a reward with limited stock.</summary>
    private static async Task<CrashSetup> SetUpAsync(CrashApi api, CrashOptions options, CancellationToken ct)
    {
        var saleMembers = Enumerable.Range(1, options.Members).Select(i => $"crash-s{i}").ToList();
        var redemptionMembers = Enumerable.Range(1, 10).Select(i => $"crash-r{i}").ToList();
        foreach (var member in saleMembers.Concat(redemptionMembers))
        {
            await Expect(api.PostAsync("api/v1/members", new { externalId = member, name = member }, ct), HttpStatusCode.Created, "create member");
        }

        // Enough for most redemptions, not for all: some members run out, so refusals race with kills too.
        const decimal cost = 10m;
        var points = Math.Max(cost, options.Stock / redemptionMembers.Count * cost);
        foreach (var member in redemptionMembers)
        {
            await Expect(api.PostAsync($"api/v1/members/{member}/adjustments", new { amount = points, reason = "crash test", idempotencyKey = $"crash-setup-{member}" }, ct),
                HttpStatusCode.Created, "adjust points");
        }

        var (status, reward) = await api.PostAsync(
            "api/v1/rewards",
            new { name = new { ru = "Кружка" }, category = "goods", costPoints = cost, stock = options.Stock },
            ct);
        if (status != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"create reward answered {(int)status}: {reward}");
        }

        return new CrashSetup(saleMembers, redemptionMembers, reward.GetProperty("id").GetString()!, options.Stock, cost);
    }

    private static async Task Expect(Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> call, HttpStatusCode expected, string what)
    {
        var (status, body) = await call;
        if (status != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)status}: {body}");
        }
    }
}
