using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Bot.Import;

/// <summary>
/// <c>import-members FILE.csv</c> / <c>import-sales FILE.csv</c>: progress bar, then a summary with every rejected line
/// and every line found already present with other data. Exit code 1 if any line was rejected.
/// </summary>
public static class ImportCommand
{
    public const string Actor = "import:csv";

    public static async Task<int> RunAsync(
        IServiceProvider services, string command, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count < 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync(args.Count < 1 ? $"{command} needs FILE.csv." : $"File not found: {args[0]}");
            return 2;
        }

        CsvTable table;
        try
        {
            table = await CsvTable.ReadAsync(args[0], cancellationToken);
        }
        catch (System.Text.DecoderFallbackException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} is not UTF-8 text. Export it as UTF-8 (with or without BOM).");
            return 1;
        }

        var bar = new ImportProgressBar(output, interactive: !Console.IsOutputRedirected);
        var summary = command == "import-members"
            ? await services.GetRequiredService<MemberImport>().RunAsync(table, bar.Report, cancellationToken)
            : await services.GetRequiredService<SaleImport>().RunAsync(table, Actor, bar.Report, cancellationToken);
        Print(summary, output);
        return summary.Rejected.Count == 0 ? 0 : 1;
    }

    public static void Print(ImportSummary summary, TextWriter output)
    {
        var otherData = summary.PresentWithOtherData.Count == 0 ? string.Empty : $", {summary.PresentWithOtherData.Count:N0} already present with other data";
        output.WriteLine($"{summary.Lines:N0} lines: {summary.Imported:N0} imported, {summary.AlreadyPresent:N0} already present{otherData}, {summary.Rejected.Count:N0} rejected.");
        foreach (var group in summary.Rejected.GroupBy(r => r.Code).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Key}: {group.Count():N0}");
        }

        foreach (var rejection in summary.Rejected)
        {
            output.WriteLine($"  line {rejection.Line}: {rejection.Code}: {rejection.Message}");
        }

        if (summary.PresentWithOtherData.Count > 0)
        {
            output.WriteLine("  already present with other data (kept as stored, not changed):");
        }

        foreach (var difference in summary.PresentWithOtherData)
        {
            output.WriteLine($"  line {difference.Line}: {difference.Key}: {string.Join("; ", difference.Differences)}");
        }
    }

    /// <summary>Registers the importers (the command-line host calls this).</summary>
    public static IServiceCollection AddImport(this IServiceCollection services) =>
        services.AddSingleton<MemberImport>().AddSingleton<SaleImport>();
}
