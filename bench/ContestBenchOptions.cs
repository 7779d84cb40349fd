using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>Options of the <c>contest</c> command.</summary>
internal sealed record ContestBenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- contest [options]

        Builds the product's services in this process on a fresh temp LiteDB file (no HTTP), creates a running
        sales-points contest, enrols --participants members and records --sales sales through SaleRecorder in
        write batches of --batch, so every sale goes through the real sale path and the contest's sale observer.
        Then measures "/top" answered by the real conversation engine for --chat-users linked chat users.

        Options:
          --participants N   members, each with at least one sale        (default 10000)
          --sales N          sales recorded before measuring             (default 1000000)
          --batch N          sales per write batch                       (default 5000)
          --chat-users N     members linked to chat who ask /top         (default 20)
          --warmup N         /top requests not counted                   (default 200)
          --requests N       measured /top requests, one at a time       (default 2000)
          --live-requests N  /top requests measured while sales keep coming in (default 500; 0 skips)
          -h, --help         show this help
        """;

    public int Participants { get; init; } = 10_000;
    public int Sales { get; init; } = 1_000_000;
    public int Batch { get; init; } = 5000;
    public int ChatUsers { get; init; } = 20;
    public int Warmup { get; init; } = 200;
    public int Requests { get; init; } = 2000;
    public int LiveRequests { get; init; } = 500;

    [JsonIgnore]
    public bool Help { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="UsageException"/> on anything invalid.</summary>
    public static ContestBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ContestBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Missing value for {name}.");

            options = name switch
            {
                "--participants" => options with { Participants = ParseInt(name, Value(), 1, 1_000_000) },
                "--sales" => options with { Sales = ParseInt(name, Value(), 1, 100_000_000) },
                "--batch" => options with { Batch = ParseInt(name, Value(), 1, 10_000) },
                "--chat-users" => options with { ChatUsers = ParseInt(name, Value(), 1, 10_000) },
                "--warmup" => options with { Warmup = ParseInt(name, Value(), 0, 1_000_000) },
                "--requests" => options with { Requests = ParseInt(name, Value(), 1, 10_000_000) },
                "--live-requests" => options with { LiveRequests = ParseInt(name, Value(), 0, 10_000_000) },
                "-h" or "--help" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        if (options.Sales < options.Participants)
        {
            throw new UsageException("--sales must be at least --participants (every participant gets a sale).");
        }

        return options with { ChatUsers = Math.Min(options.ChatUsers, options.Participants) };
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        var ok = int.TryParse(text.Replace("_", string.Empty), out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer in [{min}, {max}], got '{text}'.");
    }
}
