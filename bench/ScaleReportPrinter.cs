using System.Globalization;

namespace LoyaltyBot.Bench;

/// <summary>Prints a <see cref="ScaleReport"/> as a human-readable table.</summary>
internal static class ScaleReportPrinter
{
    public static void Print(ScaleReport report, TextWriter w)
    {
        var seed = report.Seed;
        w.WriteLine();
        w.WriteLine("===================== LoyaltyBot scale benchmark =====================");
        w.WriteLine($"Started     {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, took {report.TotalSeconds:F0} s");
        w.WriteLine($"Machine     {report.Machine.ProcessorCount} cores, {report.Machine.Os}, {report.Machine.Runtime}; load average {report.LoadAverageBefore} before, {report.LoadAverageAfter} after");
        w.WriteLine($"Store       {report.DatabasePath}: {N(seed.Members)} members, {N(seed.Entries)} sales = ledger entries, {N(seed.LinkedUsers)} Telegram links");
        w.WriteLine($"            {(report.Reused ? "reused, seeded" : "seeded")} in {seed.SeedSeconds:N0} s ({N(seed.EntriesPerSecond)} entries/s); tiers {string.Join(", ", seed.Tiers.OrderBy(t => t.Key).Select(t => $"{t.Key} {N(t.Value)}"))}");
        w.WriteLine($"File size   {Size(report.FileBefore)} before the API opened it{(report.FileAfter is { } after ? $", {Size(after)} after the run" : string.Empty)}");
        if (report.Reads is null)
        {
            w.WriteLine("Result      seeded only (--seed-only)");
            return;
        }

        w.WriteLine($"API         started in {report.ApiStartSeconds:F1} s; RSS {Mem(report.MemoryAfterStart)} after start, {Mem(report.MemoryAfterReads)} after reads, {Mem(report.MemoryAtEnd)} at end (peak {report.MemoryAtEnd?.PeakRssMiB.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} MiB)");
        w.WriteLine($"            empty-store API after the same work: RSS {Mem(report.EmptyStoreMemoryAtEnd)} (peak {report.EmptyStoreMemoryAtEnd?.PeakRssMiB.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} MiB)");
        w.WriteLine($"Consistency {report.ConsistencyChecked - report.ConsistencyProblems.Count}/{report.ConsistencyChecked} random members: balance = sum of ledger entries");
        foreach (var problem in report.ConsistencyProblems)
        {
            w.WriteLine($"            {problem}");
        }

        w.WriteLine();
        w.WriteLine($"{"",-44}{"seeded",28}{$"empty, {report.Options.EmptyMembers:N0} members",28}");
        w.WriteLine($"{"GET /api/v1/members/{id}, conc. " + report.Options.ReadConcurrency,-44}{Reads(report.Reads),28}{Reads(report.EmptyReads),28}");
        w.WriteLine($"{"  latency p50 / p95 / p99 ms",-44}{Latency(report.Reads?.Latency),28}{Latency(report.EmptyReads?.Latency),28}");
        w.WriteLine($"{"  one at a time: p50 / p95 / p99 ms",-44}{Latency(report.ReadsOneAtATime?.Latency),28}{Latency(report.EmptyReadsOneAtATime?.Latency),28}");
        w.WriteLine($"{"  paced " + report.Options.ReadRate + "/s: p50 / p95 / p99 ms",-44}{Latency(report.ReadsPaced?.Latency),28}{Latency(report.EmptyReadsPaced?.Latency),28}");
        w.WriteLine($"{"Batch ingestion (best of 1 and 2 posters)",-44}{Rate(report.Seeded?.BestBatch?.SalesPerSecond),28}{Rate(report.Empty?.BestBatch?.SalesPerSecond),28}");
        w.WriteLine($"{"Single sales, concurrency " + report.Options.Concurrency,-44}{Rate(report.Seeded?.Single?.SalesPerSecond),28}{Rate(report.Empty?.Single?.SalesPerSecond),28}");
        w.WriteLine($"{"  latency p50 / p95 / p99 ms",-44}{Latency(report.Seeded?.Single?.Latency),28}{Latency(report.Empty?.Single?.Latency),28}");
        if (report.Webhook is { } hook)
        {
            w.WriteLine($"{"/balance via POST /telegram/webhook, conc. " + hook.Concurrency,-44}{N(hook.UpdatesPerSecond) + " updates/s",28}{"-",28}");
            w.WriteLine($"{"  latency p50 / p95 / p99 ms",-44}{Latency(hook.Latency),28}{"-",28}");
            w.WriteLine($"{"  replies / updates",-44}{$"{N(hook.Replies)} / {N(hook.Updates)}",28}{"-",28}");
        }

        w.WriteLine();
        var first = true;
        foreach (var t in report.Targets)
        {
            w.WriteLine($"{(first ? "Targets" : ""),-12}{t.Name,-26}{(t.AtMost ? "<=" : ">=")} {t.Target.ToString("0.##", CultureInfo.InvariantCulture),-6}  measured {t.Actual.ToString("#,0.##", CultureInfo.InvariantCulture),10}   {t.Verdict}");
            first = false;
        }

        var samples = (report.Reads?.ErrorSamples ?? []).Concat(report.EmptyReads?.ErrorSamples ?? [])
            .Concat(report.Webhook?.ErrorSamples ?? [])
            .Concat(new[] { report.Seeded, report.Empty }.SelectMany(f => f is null ? [] : f.BatchRuns.SelectMany(r => r.ErrorSamples).Concat(f.Single?.ErrorSamples ?? [])))
            .Take(10).ToList();
        if (samples.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Error samples:");
            foreach (var sample in samples)
            {
                w.WriteLine("  " + sample);
            }

            foreach (var line in report.ApiOutputTail.TakeLast(20))
            {
                w.WriteLine("  | " + line);
            }
        }

        w.WriteLine();
        w.WriteLine(report.Success ? "Result      OK, no errors" : $"Result      FAILED: {N(report.TotalErrors)} errors");
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(FileSizes sizes) =>
        $"{sizes.TotalMiB.ToString("N1", CultureInfo.InvariantCulture)} MiB (data {(sizes.DataBytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture)} + log {(sizes.LogBytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture)})";

    private static string Mem(ProcessMemory? memory) => memory is null ? "?" : $"{N(memory.RssMiB)} MiB";

    private static string Reads(ReadRunResult? reads) => reads is null ? "-" : $"{N(reads.RequestsPerSecond)} reads/s";

    private static string Rate(double? rate) => rate is { } r ? $"{N(r)} sales/s" : "-";

    private static string Latency(LatencySummary? l) =>
        l is null || l.Samples == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{l.P50Ms:F1} / {l.P95Ms:F1} / {l.P99Ms:F1}");
}
