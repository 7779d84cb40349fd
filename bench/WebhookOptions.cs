using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>Options of the <c>webhook</c> command.</summary>
internal sealed record WebhookOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- webhook [options]

        Starts the API as a child process with Telegram on (webhook mode) against an in-process fake Bot API,
        links --users chats with join codes, then posts --updates "/balance" updates to POST /telegram/webhook
        with --concurrency parallel senders, the way Telegram delivers them. Each update is handled inline:
        engine, store and the reply to the fake are all inside the measured latency.

        Options:
          --users N          Telegram users (members), each joined with /start join_<code> (default 1000)
          --warmup N         /balance updates posted first, not counted    (default 3000)
          --updates N        measured /balance updates                     (default 5000)
          --concurrency N    parallel webhook calls (Telegram uses up to 40) (default 16)
          --replays N        measured updates posted again, must be ignored (default 200)
          --rate N           then a paced run: updates/s sent on a fixed schedule, latency measured (default 200)
          --paced-updates N  updates in the paced run (0 = skip it)                            (default 2000)
          --api-dll PATH     start this API dll instead of api/bin/Release/net10.0/LoyaltyBot.Api.dll
          --build            run 'dotnet build -c Release api/LoyaltyBot.Api.csproj' even if the dll exists
          -h, --help         show this help
        """;

    public int Users { get; init; } = 1000;
    public int Warmup { get; init; } = 3000;
    public int Updates { get; init; } = 5000;
    public int Concurrency { get; init; } = 16;
    public int Replays { get; init; } = 200;
    public int Rate { get; init; } = 200;
    public int PacedUpdates { get; init; } = 2000;
    public string? ApiDll { get; init; }
    public bool Build { get; init; }

    [JsonIgnore]
    public bool Help { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="UsageException"/> on anything invalid.</summary>
    public static WebhookOptions Parse(IReadOnlyList<string> args)
    {
        var options = new WebhookOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Missing value for {name}.");

            options = name switch
            {
                "--users" => options with { Users = ParseInt(name, Value(), 1, 100_000) },
                "--warmup" => options with { Warmup = ParseInt(name, Value(), 0, 10_000_000) },
                "--updates" => options with { Updates = ParseInt(name, Value(), 1, 10_000_000) },
                "--concurrency" => options with { Concurrency = ParseInt(name, Value(), 1, 1024) },
                "--replays" => options with { Replays = ParseInt(name, Value(), 0, 10_000_000) },
                "--rate" => options with { Rate = ParseInt(name, Value(), 1, 100_000) },
                "--paced-updates" => options with { PacedUpdates = ParseInt(name, Value(), 0, 10_000_000) },
                "--api-dll" => options with { ApiDll = Path.GetFullPath(Value()) },
                "--build" => options with { Build = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        return options with { Replays = Math.Min(options.Replays, options.Updates) };
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        var ok = int.TryParse(text.Replace("_", string.Empty), out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer in [{min}, {max}], got '{text}'.");
    }
}
