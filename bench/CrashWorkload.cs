using System.Net;
using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>
/// The load of one process life: single sales, sale batches and redemptions from concurrent clients, each
/// written to the journal before it is sent and marked acknowledged only on a 2xx. Runs until told to stop
/// (after the process was killed); requests cut off by the kill simply stay unacknowledged.
/// </summary>
internal sealed class CrashWorkload(CrashApi api, CrashJournal journal, CrashSetup setup, int life, Random random)
{
    public const int SingleSaleWorkers = 6;
    public const int BatchWorkers = 2;
    public const int RedemptionWorkers = 2;

    private long _sequence;

    /// <summary>Requests answered in this life (any status).</summary>
    public int Answered => _answered;

    private int _answered;

    public Task RunAsync(CancellationToken stop)
    {
        var workers = new List<Task>();
        for (var i = 0; i < SingleSaleWorkers; i++)
        {
            workers.Add(Loop(stop, SingleSaleAsync));
        }

        for (var i = 0; i < BatchWorkers; i++)
        {
            workers.Add(Loop(stop, BatchAsync));
        }

        for (var i = 0; i < RedemptionWorkers; i++)
        {
            workers.Add(Loop(stop, RedeemAsync));
        }

        return Task.WhenAll(workers);
    }

    private async Task Loop(CancellationToken stop, Func<Task> step)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await step();
                Interlocked.Increment(ref _answered);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                // The process is gone (or going): the request stays unacknowledged. Back off until told to stop.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private CrashSale NextSale()
    {
        int member, units;
        lock (random)
        {
            member = random.Next(setup.SaleMembers.Count);
            units = random.Next(1, 51);
        }

        var now = DateTimeOffset.UtcNow;
        var sale = new CrashSale(
            $"crash-{life}-{Interlocked.Increment(ref _sequence)}",
            setup.SaleMembers[member],
            "SKU-CRASH",
            units,
            new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero));
        journal.AttemptedSales[sale.Id] = sale;
        return sale;
    }

    private async Task SingleSaleAsync()
    {
        var sale = NextSale();
        var (status, body) = await api.PostAsync("api/v1/sales", ToRequest(sale), CancellationToken.None);
        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            journal.AcknowledgedSales[sale.Id] = true;
        }
        else
        {
            journal.Anomalies.Enqueue($"life {life}: POST /api/v1/sales {sale.Id} answered {(int)status}: {body}");
        }
    }

    private async Task BatchAsync()
    {
        int size;
        lock (random)
        {
            size = random.Next(20, 201);
        }

        var sales = Enumerable.Range(0, size).Select(_ => NextSale()).ToList();
        var (status, body) = await api.PostAsync("api/v1/sales/batch", new { sales = sales.Select(ToRequest) }, CancellationToken.None);
        if (status != HttpStatusCode.OK)
        {
            journal.Anomalies.Enqueue($"life {life}: POST /api/v1/sales/batch answered {(int)status}: {body}");
            return;
        }

        foreach (var item in body.GetProperty("results").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var itemStatus = item.GetProperty("status").GetString();
            if (itemStatus is "created" or "duplicate")
            {
                journal.AcknowledgedSales[id] = true;
            }
            else
            {
                journal.Anomalies.Enqueue($"life {life}: batch item {id} was {itemStatus}: {item}");
            }
        }
    }

    private async Task RedeemAsync()
    {
        int member, pause;
        lock (random)
        {
            member = random.Next(setup.RedemptionMembers.Count);
            pause = random.Next(5, 40);
        }

        await Task.Delay(pause);
        var request = new CrashRedemption(
            setup.RedemptionMembers[member], setup.RewardId, $"crash-{life}-r{Interlocked.Increment(ref _sequence)}");
        journal.AttemptedRedemptions[request.IdempotencyKey] = request;
        var (status, body) = await api.PostAsync(
            $"api/v1/members/{request.MemberExternalId}/redemptions",
            new { rewardId = request.RewardId, idempotencyKey = request.IdempotencyKey },
            CancellationToken.None);
        switch (status)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                journal.AcknowledgedRedemptions[request.IdempotencyKey] = body.GetProperty("id").GetString()!;
                break;
            case HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity when CrashVerifier.IsRefusal(body):
                journal.RefusedRedemptions[request.IdempotencyKey] = body.GetProperty("code").GetString()!;
                break;
            default:
                journal.Anomalies.Enqueue($"life {life}: redemption {request.IdempotencyKey} answered {(int)status}: {body}");
                break;
        }
    }

    public static object ToRequest(CrashSale sale) => new
    {
        id = sale.Id,
        memberExternalId = sale.MemberExternalId,
        sku = sale.Sku,
        units = sale.Units,
        occurredAt = sale.OccurredAt,
    };
}
