using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using LoyaltyBot.Tests.Fakes.Telegram;

namespace LoyaltyBot.Bench;

/// <summary>
/// <c>broadcast</c>: links N Telegram users through the real webhook (<c>/start join_&lt;code&gt;</c>), then sends them one
/// broadcast through the API against the in-process fake Bot API enforcing Telegram's limits (30 msg/s, 1 per chat):
/// delivery rate, 429s received, total time. Then the same with the API killed (SIGKILL) at ~50 % and restarted on the
/// same storage, with the fake outliving it: every chat must have exactly one delivery (the one in flight may be unknown).
/// </summary>
internal static class BroadcastCommand
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench -- broadcast [options]

        Options:
          --recipients N   Telegram users linked and broadcast to (default 5000)
          --no-kill        skip the second run with kill -9 at ~50 % and restart
          --api-dll PATH   start this API dll instead of api/bin/Release/net10.0/LoyaltyBot.Api.dll
          --build          build the API first even if the dll exists
        """;

    private const string Marker = "Бенчмарк рассылки";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        int recipients = 5000;
        var kill = true;
        string? dll = null;
        var build = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--recipients" when i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 100_000:
                    recipients = n;
                    i++;
                    break;
                case "--no-kill": kill = false; break;
                case "--api-dll" when i + 1 < args.Count: dll = Path.GetFullPath(args[++i]); break;
                case "--build": build = true; break;
                case "-h" or "--help": Console.WriteLine(Usage); return ExitCodes.Ok;
                default: Console.Error.WriteLine($"Unknown or invalid option '{args[i]}'.\n\n{Usage}"); return ExitCodes.Usage;
            }
        }

        var ok = await RunOnceAsync(recipients, killAtHalf: false, dll, build, ct);
        if (kill)
        {
            ok &= await RunOnceAsync(recipients, killAtHalf: true, dll, build: false, ct);
        }

        return ok ? ExitCodes.Ok : ExitCodes.Errors;
    }

    private static async Task<bool> RunOnceAsync(int recipients, bool killAtHalf, string? dll, bool build, CancellationToken ct)
    {
        var log = Console.Out;
        log.WriteLine();
        log.WriteLine(killAtHalf ? $"== Broadcast to {recipients} chats, kill -9 at ~50 % and restart ==" : $"== Broadcast to {recipients} chats ==");
        var total = Stopwatch.StartNew();
        using var storage = TempDirectory.Create("loyaltybot-bench-broadcast");
        var storagePath = Path.Combine(storage.Path, "bench.db");
        var adminKey = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 48);
        await using var telegram = await FakeTelegramServer.StartAsync(cancellationToken: ct);
        var environment = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = $"{FakeTelegramServer.BotId}:bench-{RandomNumberGenerator.GetHexString(16)}",
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram__Mode"] = "webhook",
            ["Telegram__WebhookSecret"] = secret,
            ["Telegram__WebhookUrl"] = "https://bench.invalid/telegram/webhook",
        };
        var host = await ApiHost.StartAsync(dll, build, log, ct, environment, storagePath, adminKey);
        try
        {
            await telegram.WaitForCallAsync("setWebhook", timeout: TimeSpan.FromSeconds(30), cancellationToken: ct);
            using (var webhook = new WebhookClient(host.BaseUrl, adminKey, secret, 20))
            {
                log.WriteLine($"Linking {recipients} Telegram users with /start join_<code>...");
                var joinTime = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, recipients), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (user, token) =>
                {
                    var code = await webhook.CreateMemberAsync($"bench-bc-{user:D6}", token);
                    var (status, _) = await webhook.PostUpdateAsync(WebhookClient.TextUpdate(1 + user, user, $"/start join_{code}"), token);
                    if (status != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"join of user {user}: HTTP {(int)status}");
                    }
                });
                log.WriteLine($"  linked in {joinTime.Elapsed.TotalSeconds:F1} s");
            }

            telegram.EnforceRateLimits(30, 1);
            var errorsBefore = telegram.Count429;
            using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
            api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            var created = await api.PostAsJsonAsync("api/v1/broadcasts", new { text = new { ru = $"<b>{Marker}</b>: двойные баллы до пятницы" }, audience = new { all = true } }, ct);
            var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/v1/broadcasts: HTTP {(int)created.StatusCode} {createdBody}");
            }

            var id = createdBody.GetProperty("id").GetString()!;
            log.WriteLine($"Broadcast {id}: {createdBody.GetProperty("recipients").GetInt32()} recipients");
            var sendTime = Stopwatch.StartNew();
            if (killAtHalf)
            {
                while (Delivered(telegram).Count < recipients / 2)
                {
                    await Task.Delay(20, ct);
                }

                await host.KillAsync();
                log.WriteLine($"  killed the API (SIGKILL) after {Delivered(telegram).Count} deliveries, {sendTime.Elapsed.TotalSeconds:F1} s");
                await host.DisposeAsync();
                host = await ApiHost.StartAsync(dll, false, log, ct, environment, storagePath, adminKey);
            }

            using var poll = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
            poll.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
            JsonElement state;
            while (true)
            {
                state = await poll.GetFromJsonAsync<JsonElement>($"api/v1/broadcasts/{id}", ct);
                if (state.GetProperty("status").GetString() is "finished" or "cancelled")
                {
                    break;
                }

                await Task.Delay(500, ct);
            }

            var sendSeconds = sendTime.Elapsed.TotalSeconds;
            var sends = Delivered(telegram);
            var first = sends.Min(c => c.ReceivedAt);
            var last = sends.Max(c => c.ReceivedAt);
            var seconds = (last - first).TotalSeconds;
            var perChat = sends.GroupBy(c => c.Parameter("chat_id")).ToDictionary(g => g.Key!, g => g.Count());
            var duplicates = perChat.Count(p => p.Value > 1);
            var missing = recipients - perChat.Count;
            var counts = state.GetProperty("counts");
            var unknown = counts.GetProperty("unknown").GetInt32();
            var received429 = telegram.Count429 - errorsBefore;
            var rate = (sends.Count - 1) / seconds;
            var sent = counts.GetProperty("sent").GetInt32();
            var queued = counts.GetProperty("queued").GetInt32();
            log.WriteLine($"Delivered   {sends.Count} messages to {perChat.Count} chats in {seconds:F1} s = {rate.ToString("F1", CultureInfo.InvariantCulture)} msg/s (first to last sendMessage{(killAtHalf ? ", including the restart" : string.Empty)})");
            log.WriteLine($"429s        {received429}");
            log.WriteLine($"Counts      sent {counts.GetProperty("sent").GetInt32()}, blocked {counts.GetProperty("blocked").GetInt32()}, failed {counts.GetProperty("failed").GetInt32()}, unknown {unknown}, queued {counts.GetProperty("queued").GetInt32()}");
            log.WriteLine($"Per chat    {duplicates} chats with more than one delivery, {missing} chats without one; unknown {unknown} = {unknown - missing} that reached the fake before the kill + {missing} marked but not yet sent");
            log.WriteLine($"Send time   {sendSeconds:F1} s from POST /api/v1/broadcasts to status finished{(killAtHalf ? " (including the kill and restart)" : string.Empty)}");
            log.WriteLine($"Total time  {total.Elapsed.TotalSeconds:F1} s (including setup)");
            // Every chat: exactly one delivery, or none and recorded as unknown (never resent); nothing left queued.
            var ok = duplicates == 0 && missing <= unknown && sent + unknown == recipients && queued == 0
                && (killAtHalf || (received429 == 0 && rate >= 28));
            log.WriteLine($"Result      {(ok ? "OK" : "FAILED")}");
            return ok;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The successful broadcast sends the fake received (the join replies do not carry the marker).</summary>
    private static List<RecordedCall> Delivered(FakeTelegramServer telegram) =>
        telegram.CallsTo("sendMessage").Where(c => c.Succeeded && c.Parameter("text")?.Contains(Marker, StringComparison.Ordinal) == true).ToList();
}
