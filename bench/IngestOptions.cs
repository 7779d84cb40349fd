using System.Text.Json.Serialization;

namespace LoyaltyBot.Bench;

/// <summary>Options of the <c>ingest</c> command.</summary>
internal sealed record IngestOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- ingest [options]

        Options:
          --members N        members to create                          (default 1000)
          --batch-sales N    sales per batch-ingestion run              (default 100000)
          --batch-size N     sales per POST /api/v1/sales/batch, <=10000 (default 5000)
          --single-sales N   sales for the single-sale run and raw LiteDB baseline (default 20000)
          --concurrency N    parallel workers for the single-sale run   (default 32)
          --warmup N         single-sale warm-up requests, not counted  (default 2000)
          --api-url URL      benchmark an already running API instead of starting one
          --api-key KEY      admin key for --api-url (default: env LOYALTYBOT_API_KEY or Auth__AdminKey)
          --api-dll PATH     start this API dll instead of api/bin/Release/net10.0/LoyaltyBot.Api.dll
          --build            run 'dotnet build -c Release api/LoyaltyBot.Api.csproj' even if the dll exists
          -h, --help         show this help
        """;

    public int Members { get; init; } = 1000;
    public int BatchSales { get; init; } = 100_000;
    public int BatchSize { get; init; } = 5000;
    public int SingleSales { get; init; } = 20_000;
    public int Concurrency { get; init; } = 32;
    public int Warmup { get; init; } = 2_000;
    public string? ApiUrl { get; init; }

    [JsonIgnore]
    public string? ApiKey { get; init; }

    public string? ApiDll { get; init; }
    public bool Build { get; init; }
    [JsonIgnore]
    public bool Help { get; init; }

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="UsageException"/> on anything invalid.</summary>
    public static IngestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new IngestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"Missing value for {name}.");

            options = name switch
            {
                "--members" => options with { Members = ParseInt(name, Value(), 1, 10_000_000) },
                "--batch-sales" => options with { BatchSales = ParseInt(name, Value(), 0, 100_000_000) },
                "--batch-size" => options with { BatchSize = ParseInt(name, Value(), 1, 10_000) },
                "--single-sales" => options with { SingleSales = ParseInt(name, Value(), 0, 100_000_000) },
                "--concurrency" => options with { Concurrency = ParseInt(name, Value(), 1, 4096) },
                "--warmup" => options with { Warmup = ParseInt(name, Value(), 0, 1_000_000) },
                "--api-url" => options with { ApiUrl = ParseUrl(name, Value()) },
                "--api-key" => options with { ApiKey = Value() },
                "--api-dll" => options with { ApiDll = Path.GetFullPath(Value()) },
                "--build" => options with { Build = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new UsageException($"Unknown option '{name}'."),
            };
        }

        if (options.ApiUrl is not null && options.ApiDll is not null)
        {
            throw new UsageException("--api-url and --api-dll cannot be combined.");
        }

        if (options.ApiUrl is not null && options.ApiKey is null)
        {
            var key = Environment.GetEnvironmentVariable("LOYALTYBOT_API_KEY") ?? Environment.GetEnvironmentVariable("Auth__AdminKey");
            if (string.IsNullOrEmpty(key) && !options.Help)
            {
                throw new UsageException("--api-url needs --api-key (or env LOYALTYBOT_API_KEY / Auth__AdminKey).");
            }

            options = options with { ApiKey = key };
        }

        return options;
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        var ok = int.TryParse(text.Replace("_", string.Empty), out var value);
        return ok && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be an integer in [{min}, {max}], got '{text}'.");
    }

    private static string ParseUrl(string name, string text)
    {
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri.TrimEnd('/')
            : throw new UsageException($"{name} must be an absolute http(s) URL, got '{text}'.");
    }
}
