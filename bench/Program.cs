using System.Globalization;
using System.Runtime.InteropServices;

namespace LoyaltyBot.Bench;

/// <summary>Entry point: dispatches the first argument to a subcommand.</summary>
internal static class Program
{
    private const string Usage = """
        LoyaltyBot benchmarks

        Usage: dotnet run -c Release --project bench -- <command> [options]

        Commands:
          ingest    Sale ingestion throughput (batch, single-sale, raw LiteDB baseline)
          webhook   Telegram updates through POST /telegram/webhook (engine, store, reply to a fake Bot API)
          crash     SIGKILL the API under write load N times, restart on the same file, verify consistency
          broadcast A broadcast to N Telegram chats against a rate-limited fake Bot API, then again with a kill -9 at ~50 %
          contest   /top latency of a contest leaderboard with many participants and sales (in process)
          scale     Load figures on a big store: seed N members and M ledger entries, then reads, webhook, ingestion, RSS, size

        Run '<command> --help' for the options of a command.
        """;

    private static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        using var cts = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => OnSignal(ctx, cts));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => OnSignal(ctx, cts));

        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        try
        {
            return args[0] switch
            {
                "ingest" => await IngestCommand.RunAsync(args[1..], cts.Token),
                "webhook" => await WebhookCommand.RunAsync(args[1..], cts.Token),
                "crash" => await CrashCommand.RunAsync(args[1..], cts.Token),
                "broadcast" => await BroadcastCommand.RunAsync(args[1..], cts.Token),
                "contest" => await ContestCommand.RunAsync(args[1..], cts.Token),
                "scale" => await ScaleCommand.RunAsync(args[1..], cts.Token),
                "help" or "-h" or "--help" => PrintUsage(Console.Out, ExitCodes.Ok),
                _ => UnknownCommand(args[0]),
            };
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>First Ctrl+C / SIGTERM cancels gracefully (child API is stopped, temp files removed); a second one terminates at once.</summary>
    private static void OnSignal(PosixSignalContext context, CancellationTokenSource cts)
    {
        if (cts.IsCancellationRequested)
        {
            return; // let the default handling terminate the process
        }

        context.Cancel = true;
        Console.Error.WriteLine("Stopping... (press Ctrl+C again to terminate immediately)");
        cts.Cancel();
    }

    private static int UnknownCommand(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'.");
        Console.Error.WriteLine();
        return PrintUsage(Console.Error, ExitCodes.Usage);
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }
}
