using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>Options of the <c>scale</c> command.</summary>
internal sealed record ScaleOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- scale [options]

        Seeds a LiteDB file in this process with the product's own storage code (members, sales, ledger entries,
        yearly units, tier changes, linked Telegram identities), starts the API on it as a child process and
        measures: GET /api/v1/members/{externalId} latency, /balance through POST /telegram/webhook, single and
        batch sale ingestion (and the same two rates on an empty store for comparison), the API's RSS and the file
        size. A file given with --path that was already seeded (it has FILE.scale.json next to it) is reused.

        Options:
          --members N          members in the seeded store                      (default 100000)
          --entries N          sales = ledger entries in the seeded store       (default 10000000)
          --path FILE          seed into / reuse this file (default: a temp file under /tmp)
          --keep               keep a file this run seeded (a reused file is never deleted)
          --seed-only          seed (or check the reused file), then stop without starting the API
          --chunk N            sales per seeding transaction                    (default 50000)
          --linked-users N     seeded members linked to Telegram users          (default 200)
          --read-seconds N     duration of the balance-read run                 (default 10)
          --read-concurrency N parallel balance reads                           (default 8)
          --read-rate N        balance reads per second in the paced run (the target's) (default 1000)
          --webhook-updates N  measured /balance webhook updates                (default 2000)
          --webhook-concurrency N parallel webhook calls                        (default 8)
          --single-sales N     sales for each single-sale run                   (default 3000)
          --batch-sales N      sales for each batch run                         (default 20000)
          --batch-size N       sales per POST /api/v1/sales/batch               (default 5000)
          --concurrency N      parallel single-sale workers                     (default 32)
          --empty-members N    members created in the empty store for the comparison (default 1000)
          --ingest-members N   seeded members (spread evenly) that the seeded-store sales go to (default: all)
          --ingest-adjacent    with --ingest-members: the first N seeded members, stored next to each other
          --api-dll PATH       start this API dll instead of api/bin/Release/net10.0/LoyaltyBot.Api.dll
          --build              run 'dotnet build -c Release api/LoyaltyBot.Api.csproj' even if the dll exists
          -h, --help           show this help
        """;

    public int Members { get; init; } = 100_000;
    public long Entries { get; init; } = 10_000_000;
    public string? Path { get; init; }
    public bool Keep { get; init; }
    public bool SeedOnly { get; init; }
    public int Chunk { get; init; } = 50_000;
    public int LinkedUsers { get; init; } = 200;
    public int ReadSeconds { get; init; } = 10;
    public int ReadConcurrency { get; init; } = 8;
    public int ReadRate { get; init; } = 1000;
    public int WebhookUpdates { get; init; } = 2000;
    public int WebhookConcurrency { get; init; } = 8;
    public int SingleSales { get; init; } = 3000;
    public int BatchSales { get; init; } = 20_000;
    public int BatchSize { get; init; } = 5000;
    public int Concurrency { get; init; } = 32;
    public int EmptyMembers { get; init; } = 1000;

    /// <summary>0 = every seeded member; fewer isolates the cost of big indexes from that of many members.</summary>
    public int IngestMembers { get; init; }

    /// <summary>With <see cref="IngestMembers"/>: the first seeded members (documents sharing pages) instead of ones spread evenly.</summary>
    public bool IngestAdjacent { get; init; }

    public string? ApiDll { get; init; }
    public bool Build { get; init; }

    [JsonIgnore]
    public bool Help { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="UsageException"/> on anything invalid.</summary>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScaleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Missing value for {name}.");

            options = name switch
            {
                "--members" => options with { Members = (int)ParseLong(name, Value(), 1, 10_000_000) },
                "--entries" => options with { Entries = ParseLong(name, Value(), 1, 1_000_000_000) },
                "--path" => options with { Path = System.IO.Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                "--seed-only" => options with { SeedOnly = true },
                "--chunk" => options with { Chunk = (int)ParseLong(name, Value(), 100, 1_000_000) },
                "--linked-users" => options with { LinkedUsers = (int)ParseLong(name, Value(), 1, 100_000) },
                "--read-seconds" => options with { ReadSeconds = (int)ParseLong(name, Value(), 1, 3600) },
                "--read-concurrency" => options with { ReadConcurrency = (int)ParseLong(name, Value(), 1, 1024) },
                "--read-rate" => options with { ReadRate = (int)ParseLong(name, Value(), 1, 100_000) },
                "--webhook-updates" => options with { WebhookUpdates = (int)ParseLong(name, Value(), 0, 10_000_000) },
                "--webhook-concurrency" => options with { WebhookConcurrency = (int)ParseLong(name, Value(), 1, 1024) },
                "--single-sales" => options with { SingleSales = (int)ParseLong(name, Value(), 0, 100_000_000) },
                "--batch-sales" => options with { BatchSales = (int)ParseLong(name, Value(), 0, 100_000_000) },
                "--batch-size" => options with { BatchSize = (int)ParseLong(name, Value(), 1, 10_000) },
                "--concurrency" => options with { Concurrency = (int)ParseLong(name, Value(), 1, 4096) },
                "--empty-members" => options with { EmptyMembers = (int)ParseLong(name, Value(), 1, 1_000_000) },
                "--ingest-members" => options with { IngestMembers = (int)ParseLong(name, Value(), 1, 10_000_000) },
                "--ingest-adjacent" => options with { IngestAdjacent = true },
                "--api-dll" => options with { ApiDll = System.IO.Path.GetFullPath(Value()) },
                "--build" => options with { Build = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        if (options.IngestAdjacent && options.IngestMembers == 0)
        {
            throw new UsageException("--ingest-adjacent needs --ingest-members N.");
        }

        return options with { LinkedUsers = Math.Min(options.LinkedUsers, options.Members) };
    }

    private static long ParseLong(string name, string text, long min, long max)
    {
        var ok = long.TryParse(text.Replace("_", string.Empty).Replace(",", string.Empty), out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer in [{min:N0}, {max:N0}], got '{text}'.");
    }
}
