using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiteDB;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Broadcasts;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Expiry;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Reports;
using LoyaltyBot.Core.Rewards;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Spiffs;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Tiers;
using LoyaltyBot.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoyaltyBot.Bench;

/// <summary>
/// Fills a LiteDB file with members, sales and their ledger entries far faster than the sale path can (~150 µs a
/// sale): the store is opened with the product's own <see cref="LiteStore"/> and schemas, the documents are the
/// product's records built as <c>SaleRecorder</c> and <c>PointsLedger</c> would build them, and each chunk of sales
/// is written with bulk inserts in one transaction.
/// </summary>
/// <remarks>
/// Members are processed in blocks of <see cref="BlockMembers"/> in member-id order, each block's sales in time order
/// over the current program year. The sale ids, idempotency keys, ledger ids and bucket ids therefore grow
/// at the ends of their indexes (random positions would rewrite most index pages on every commit and take hours),
/// while one member's entries still lie scattered over about as many data pages as the member has entries.
/// Each member's achievement progress (sales and sale months) is seeded, as the achievements observer keeps it; other
/// observers' documents (badges, SPIFF and contest bookkeeping, outbox and webhook messages) are not.
/// </remarks>
internal static class ScaleSeeder
{
    private const int BlockMembers = 1000;
    private const string Actor = "api-key:scale-seed";
    private static readonly string[] Skus = [.. Enumerable.Range(1, 50).Select(i => $"BENCH-SKU-{i:D3}")];
    private static readonly string[] Regions = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург"];

    public static ScaleSeedInfo Seed(string path, ScaleOptions options, TextWriter log, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var host = BuildHost(path);
        var services = host.Services;
        var store = services.GetRequiredService<LiteStore>();
        var rule = services.GetRequiredService<EarningRule>();
        var tiers = services.GetRequiredService<TierLadder>();
        var calendar = services.GetRequiredService<ProgramCalendar>();

        var now = Millis(DateTimeOffset.UtcNow);
        var year = calendar.YearOf(now);
        var yearStart = calendar.StartOf(year);
        var random = new Random(20261123);
        var members = CreateMembers(options.Members, tiers.Lowest, yearStart, random);

        log.WriteLine($"Seeding {path}: {options.Members:N0} members, {options.Entries:N0} sales/ledger entries, program year {year} ...");
        store.InTransaction(() =>
        {
            foreach (var chunk in members.Chunk(10_000))
            {
                store.Set<Member>().InsertMany(chunk.Select(m => m.Document));
            }
        });

        // One thread builds the next chunks while this one writes: LiteDB's transactions belong to the calling thread.
        using var chunks = new BlockingCollection<SeedChunk>(boundedCapacity: 2);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Generate(members, options, rule, tiers, calendar.TimeZone, year, yearStart, now, random, store.Database.Mapper, chunks, ct);
                }
                finally
                {
                    chunks.CompleteAdding();
                }
            },
            ct);

        var sales = BsonCollection(store, "sales");
        var ledger = BsonCollection(store, "ledger");
        var written = 0L;
        var lastReport = Stopwatch.StartNew();
        var writeClock = Stopwatch.StartNew();
        var sinceReport = 0L;
        foreach (var chunk in chunks.GetConsumingEnumerable(ct))
        {
            store.InTransaction(() =>
            {
                sales.InsertBulk(chunk.Sales);
                ledger.InsertBulk(chunk.Entries);
                if (chunk.TierChanges.Count > 0)
                {
                    store.Set<TierChange>().InsertMany(chunk.TierChanges);
                }
            });
            if (written == 0)
            {
                CheckReadBack(store, chunk);
            }

            written += chunk.Entries.Count;
            sinceReport += chunk.Entries.Count;
            if (lastReport.Elapsed.TotalSeconds >= 10 || written == options.Entries)
            {
                var elapsed = writeClock.Elapsed.TotalSeconds;
                var eta = written < options.Entries ? $", ~{(options.Entries - written) / (written / elapsed) / 60:F0} min left" : string.Empty;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {written,13:N0} / {options.Entries:N0} entries  {written / elapsed,8:N0} entries/s (last {sinceReport / lastReport.Elapsed.TotalSeconds:N0}/s), {elapsed:F0} s{eta}"));
                lastReport.Restart();
                sinceReport = 0;
            }
        }

        producer.GetAwaiter().GetResult();
        ct.ThrowIfCancellationRequested();

        log.WriteLine("Writing each member's ledger buckets ...");
        foreach (var chunk in members.SelectMany(m => LedgerBucket.AllOf(m.Document.Id, m.EntryIds)).Chunk(20_000))
        {
            store.InTransaction(() => store.Set<LedgerBucket>().InsertMany(chunk));
        }

        log.WriteLine("Writing yearly units, balances, tiers and Telegram links ...");
        var stride = Math.Max(1, options.Members / options.LinkedUsers);
        store.InTransaction(() =>
        {
            store.Set<AchievementProgress>().InsertMany(members
                .Where(m => m.EntryIds.Count > 0)
                .Select(m => new AchievementProgress { Id = m.Document.Id, Sales = m.EntryIds.Count, SaleMonths = [.. m.SaleMonths] }));
            store.Set<MemberUnits>().InsertMany(members
                .Where(m => m.Units > 0)
                .Select(m => new MemberUnits { Id = MemberUnits.KeyOf(m.Document.Id, year), MemberId = m.Document.Id, Year = year, Units = m.Units }));
            var set = store.Set<Member>();
            foreach (var member in members)
            {
                set.Update(member.Document with { Balance = member.Balance, Tier = member.Tier, LedgerEntries = member.EntryIds.Count });
            }

            store.Set<ChatIdentity>().InsertMany(Enumerable.Range(0, options.LinkedUsers).Select(u =>
            {
                var userId = (WebhookClient.FirstUserId + u).ToString(CultureInfo.InvariantCulture);
                return new ChatIdentity
                {
                    Id = ChatIdentity.KeyOf(TelegramChannelSender.ChannelName, userId),
                    Channel = TelegramChannelSender.ChannelName,
                    ChannelUserId = userId,
                    ChatId = userId,
                    MemberId = members[u * stride].Document.Id,
                    FirstSeenAt = now,
                    LinkedAt = now,
                };
            }));
        });
        store.Database.Checkpoint();
        started.Stop();

        var seconds = started.Elapsed.TotalSeconds;
        return new ScaleSeedInfo
        {
            Members = options.Members,
            Entries = written,
            LinkedUsers = options.LinkedUsers,
            LinkStride = stride,
            ProgramYear = year,
            Tiers = members.GroupBy(m => m.Tier).ToDictionary(g => g.Key, g => g.Count()),
            SeededAt = DateTimeOffset.UtcNow,
            SeedSeconds = Math.Round(seconds, 1),
            EntriesPerSecond = Math.Round(written / seconds, 0),
        };
    }

    /// <summary>
    /// Opens a reused file once with the product's storage code, so a one-time upgrade a file from an older version
    /// needs (e.g. the ledger buckets) runs here, reporting its progress, and not inside the measured API.
    /// </summary>
    public static TimeSpan Open(string path)
    {
        var clock = Stopwatch.StartNew();
        using (var host = BuildHost(path))
        {
            host.Services.GetRequiredService<LiteStore>();
        }

        return clock.Elapsed;
    }

    /// <summary>The services the API registers for its domain, so every feature's collections and indexes exist.</summary>
    private static IHost BuildHost(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = path });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLoyaltyCore();
        builder.Services.AddChat();
        builder.Services.AddQuizzes();
        builder.Services.AddRewardsCore();
        builder.Services.AddReferrals();
        builder.Services.AddTierUpCongratulations();
        builder.Services.AddSpiffsCore();
        builder.Services.AddPointsExpiryCore();
        builder.Services.AddAchievementsCore();
        builder.Services.AddWebhooksCore();
        builder.Services.AddReportsCore();
        builder.Services.AddBroadcastsCore();
        builder.Services.AddContests();
        return builder.Build(); // not started: only the store is used
    }

    private static SeedMember[] CreateMembers(int count, string lowestTier, DateTimeOffset yearStart, Random random)
    {
        // Time-ordered ids generated within one millisecond are not ordered; sorting makes index order = block order.
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = StoreIds.New();
        }

        Array.Sort(ids, StringComparer.Ordinal);
        var members = new SeedMember[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = new SeedMember(new Member
            {
                Id = ids[i],
                ExternalId = ScaleSeedInfo.ExternalIdOf(i),
                Name = $"Дилер {i:D6}",
                Region = Regions[random.Next(Regions.Length)],
                Language = "ru",
                Tier = lowestTier,
                CreatedAt = yearStart.AddDays(-random.Next(1, 365)),
            })
            {
                Tier = lowestTier,
            };
        }

        return members;
    }

    /// <summary>Builds the sales of each block of members in time order and hands them over in chunks.</summary>
    private static void Generate(
        SeedMember[] members, ScaleOptions options, EarningRule rule, TierLadder tiers, TimeZoneInfo timeZone, int year, DateTimeOffset yearStart,
        DateTimeOffset now, Random random, BsonMapper mapper, BlockingCollection<SeedChunk> output, CancellationToken ct)
    {
        var span = (now - yearStart).Ticks;
        var chunk = new SeedChunk(options.Chunk, mapper);
        var saleNumber = 0L;
        for (var first = 0; first < members.Length; first += BlockMembers)
        {
            var end = Math.Min(first + BlockMembers, members.Length);
            var total = options.Entries * end / members.Length - options.Entries * first / members.Length;

            // Skewed activity (log-normal weights): most members sell about the average, a few sell ten times more.
            var cumulative = new double[end - first];
            var sum = 0.0;
            for (var i = 0; i < cumulative.Length; i++)
            {
                sum += Math.Exp(1.2 * Gaussian(random));
                cumulative[i] = sum;
            }

            for (var k = 0L; k < total; k++)
            {
                var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                var member = members[first + Math.Min(index < 0 ? ~index : index, cumulative.Length - 1)];
                var at = Millis(yearStart.AddTicks((long)(span * ((k + random.NextDouble()) / total))));
                var units = random.Next(1, 21);
                var sku = Skus[random.Next(Skus.Length)];
                var saleId = $"scale-s{++saleNumber:D9}";
                var sourceRef = $"sale:{saleId}";
                var points = rule.PointsFor(member.Units, units);
                member.Units += units;
                member.EntryIds.Add(saleNumber);
                member.SaleMonths.Add(TimeZoneInfo.ConvertTime(at, timeZone).ToString("yyyy-MM", CultureInfo.InvariantCulture));
                member.Balance = Points.Normalize(member.Balance + points);
                var tier = tiers.TierFor(member.Units);
                if (tier != member.Tier)
                {
                    chunk.TierChanges.Add(new TierChange
                    {
                        Id = StoreIds.New(),
                        MemberId = member.Document.Id,
                        From = member.Tier,
                        To = tier,
                        Year = year,
                        SourceRef = sourceRef,
                        At = at,
                    });
                    member.Tier = tier;
                }

                chunk.Add(
                    new LedgerEntry
                    {
                        Id = saleNumber,
                        MemberId = member.Document.Id,
                        Kind = LedgerEntryKind.SaleAccrual,
                        Amount = Points.Normalize(points),
                        Reason = $"Sale of {units} × {sku}",
                        SourceRef = sourceRef,
                        IdempotencyKey = sourceRef,
                        At = at,
                        Actor = Actor,
                        BalanceAfter = member.Balance,
                    },
                    new Sale
                    {
                        Id = saleId,
                        MemberId = member.Document.Id,
                        MemberExternalId = member.Document.ExternalId,
                        Sku = sku,
                        Units = units,
                        OccurredAt = at,
                        Year = year,
                        RecordedAt = at,
                        Actor = Actor,
                        PointsEarned = points,
                        BalanceAfter = member.Balance,
                        TierAfter = member.Tier,
                    });

                if (chunk.Entries.Count == options.Chunk)
                {
                    output.Add(chunk, ct);
                    chunk = new SeedChunk(options.Chunk, mapper);
                }
            }
        }

        if (chunk.Entries.Count > 0)
        {
            output.Add(chunk, ct);
        }
    }

    /// <summary>
    /// A collection the schemas name (SalesSchema, LedgerSchema), as raw BSON; LiteDB creates it on the first insert
    /// when no index declared it. After the first chunk the seeder reads a document back through
    /// <c>store.Set&lt;T&gt;()</c>, so a renamed collection fails instead of seeding a stray one.
    /// </summary>
    private static ILiteCollection<BsonDocument> BsonCollection(LiteStore store, string name) => store.Database.GetCollection(name);

    private static void CheckReadBack(LiteStore store, SeedChunk first)
    {
        if (store.Set<Sale>().Get(first.Sales[0]["_id"].AsString) is null || store.Set<LedgerEntry>().Get(first.Entries[0]["_id"].AsInt64) is null)
        {
            throw new InvalidOperationException("Seeded documents cannot be read back through the store; the collection names no longer match the schemas.");
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static DateTimeOffset Millis(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>A member's running totals while its sales are generated.</summary>
    private sealed class SeedMember(Member document)
    {
        public Member Document { get; } = document;
        public long Units { get; set; }
        public decimal Balance { get; set; }
        public required string Tier { get; set; }
        public List<long> EntryIds { get; } = [];
        public SortedSet<string> SaleMonths { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// One transaction's documents, already mapped to BSON by the product's mapper on the generating thread, so the
    /// writing thread only serializes and indexes them.
    /// </summary>
    private sealed class SeedChunk(int capacity, BsonMapper mapper)
    {
        public List<BsonDocument> Sales { get; } = new(capacity);
        public List<BsonDocument> Entries { get; } = new(capacity);
        public List<TierChange> TierChanges { get; } = [];
        public void Add(LedgerEntry entry, Sale sale)
        {
            Entries.Add(mapper.ToDocument(entry));
            Sales.Add(mapper.ToDocument(sale));
        }
    }
}
