namespace LoyaltyBot.Bench;

/// <summary>Options of the <c>crash</c> command.</summary>
internal sealed record CrashOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- crash [options]

        Starts the API as a real process on one LiteDB file, streams single sales, sale batches and
        redemptions at it, SIGKILLs it at random moments, restarts it on the same file, and finally
        checks that every acknowledged write is there exactly once and nothing is half-applied.
        Exit code 0 when consistent, 1 on any inconsistency.

        Options:
          --kills N          SIGKILLs (and restarts) to survive              (default 20)
          --members N        members receiving sales                         (default 20)
          --stock N          stock of the reward that is redeemed            (default 300)
          --min-run-ms N     shortest load phase before a kill               (default 300)
          --max-run-ms N     longest load phase before a kill                (default 2500)
          --seed N           random seed (default: time based; printed)
          --api-dll PATH     start this API dll instead of api/bin/Release/net10.0/LoyaltyBot.Api.dll
          --build            run 'dotnet build -c Release api/LoyaltyBot.Api.csproj' even if the dll exists
          -h, --help         show this help
        """;

    public int Kills { get; init; } = 20;
    public int Members { get; init; } = 20;
    public int Stock { get; init; } = 300;
    public int MinRunMs { get; init; } = 100;
    public int MaxRunMs { get; init; } = 2000;
    public int Seed { get; init; } = Environment.TickCount & int.MaxValue;
    public string? ApiDll { get; init; }
    public bool Build { get; init; }
    public bool Help { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="UsageException"/> on anything invalid.</summary>
    public static CrashOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CrashOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Missing value for {name}.");

            options = name switch
            {
                "--kills" => options with { Kills = ParseInt(name, Value(), 1, 10_000) },
                "--members" => options with { Members = ParseInt(name, Value(), 1, 10_000) },
                "--stock" => options with { Stock = ParseInt(name, Value(), 1, 1_000_000) },
                "--min-run-ms" => options with { MinRunMs = ParseInt(name, Value(), 0, 600_000) },
                "--max-run-ms" => options with { MaxRunMs = ParseInt(name, Value(), 1, 600_000) },
                "--seed" => options with { Seed = ParseInt(name, Value(), 0, int.MaxValue) },
                "--api-dll" => options with { ApiDll = Path.GetFullPath(Value()) },
                "--build" => options with { Build = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        return options.MinRunMs > options.MaxRunMs
            ? throw new UsageException("--min-run-ms must not exceed --max-run-ms.")
            : options;
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text.Replace("_", string.Empty), out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer in [{min}, {max}], got '{text}'.");
}
