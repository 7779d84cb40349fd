using System.Globalization;

namespace LoyaltyBot.Bench;

/// <summary>Prints an <see cref="IngestReport"/> as a human-readable table.</summary>
internal static class ReportPrinter
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static void Print(IngestReport report, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine("===================== LoyaltyBot ingest benchmark =====================");
        w.WriteLine($"Started     {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, took {report.TotalSeconds:F1} s");
        w.WriteLine($"Machine     {report.Machine.ProcessorCount} cores, {report.Machine.Os}, {report.Machine.Runtime} (bench and API share this machine)");
        w.WriteLine($"API         {report.ApiUrl}, {report.ApiMode}{(report.ApiDll is null ? string.Empty : ": " + report.ApiDll)}");
        var m = report.Members;
        w.WriteLine($"Members     {N(m.Requested)} requested: {N(m.Created)} created, {N(m.AlreadyExisted)} already existed, {N(m.Errors)} errors ({m.Seconds:F2} s)");
        if (report.WarmupErrors > 0)
        {
            w.WriteLine($"Warm-up     {N(report.WarmupErrors)} errors");
        }

        w.WriteLine();
        w.WriteLine($"{"",-40}{"sales",10}{"created",10}{"errors",8}{"seconds",9}{"rate/s",10}");
        var first = true;
        foreach (var run in report.BatchRuns)
        {
            var mode = run.Posters == 1 ? "sequential" : $"{run.Posters} posters";
            var label = $"{(first ? "1." : "  ")} Batch, {mode}, {N(run.BatchSize)}/batch";
            w.WriteLine($"{Row(label, run.Sales, run.Created, run.Errors, run.Seconds, run.SalesPerSecond)}   batch p50 {run.BatchLatency.P50Ms:F0} ms, max {run.BatchLatency.MaxMs:F0} ms");
            first = false;
        }

        if (report.BestBatch is { } best)
        {
            w.WriteLine($"   -> best batch: {best.Mode}, {N(best.SalesPerSecond)} sales/s");
        }
        else
        {
            w.WriteLine("1. Batch: skipped (--batch-sales 0)");
        }

        if (report.Single is { } s)
        {
            w.WriteLine($"{Row($"2. Single, concurrency {s.Concurrency}", s.Sales, s.Created, s.Errors, s.Seconds, s.SalesPerSecond)}   p50 {s.Latency.P50Ms:F1} / p95 {s.Latency.P95Ms:F1} / p99 {s.Latency.P99Ms:F1} ms");
        }
        else
        {
            w.WriteLine("2. Single: skipped (--single-sales 0)");
        }

        var r = report.Raw;
        w.WriteLine($"{"3. Raw LiteDB, 1 Insert per commit",-40}{N(r.Documents),10}{"-",10}{"-",8}{r.Seconds,9:F2}{N(r.DocsPerSecond),10}   docs/s, file {r.FileBytes / 1024.0 / 1024.0:F1} MiB");

        w.WriteLine();
        w.WriteLine($"Ratios      batch/raw {Ratio(report.BatchToRawRatio)}   single/raw {Ratio(report.SingleToRawRatio)}");
        var firstTarget = true;
        foreach (var t in report.Targets)
        {
            w.WriteLine($"{(firstTarget ? "Targets" : ""),-12}{t.Name,-7}>= {N(t.Target),6} sales/s   measured {N(t.Actual),8}   {t.Verdict}");
            firstTarget = false;
        }

        w.WriteLine();
        var ok = report.Consistency.Count(c => c.Ok);
        w.WriteLine($"Consistency GET /api/v1/members/{{externalId}} for {report.Consistency.Count} random members: {ok}/{report.Consistency.Count} returned 200");
        foreach (var c in report.Consistency)
        {
            var units = c.UnitsMatch ? "matches" : "differs";
            w.WriteLine(c.Ok
                ? $"            {c.ExternalId}  200  tier={c.Tier ?? "?"}  balance={c.Balance ?? "?"}  unitsThisYear={c.UnitsThisYear?.ToString(Culture) ?? "?"} (bench counted {c.ExpectedUnits}: {units}){(c.Error is null ? "" : "  " + c.Error)}"
                : $"            {c.ExternalId}  {c.StatusCode}  {c.Error}");
        }

        PrintErrorSamples(report, w);
        w.WriteLine();
        w.WriteLine(report.Success ? "Result      OK, no errors" : $"Result      FAILED: {N(report.TotalErrors)} errors");
    }

    private static void PrintErrorSamples(IngestReport report, TextWriter w)
    {
        const int PerPhase = 5;
        var samples = report.Members.ErrorSamples.Take(PerPhase).Select(e => "members: " + e)
            .Concat(report.BatchRuns.SelectMany(run => run.ErrorSamples.Take(PerPhase).Select(e => $"batch {run.Mode}: {e}")))
            .Concat((report.Single?.ErrorSamples ?? []).Take(PerPhase).Select(e => "single: " + e))
            .ToList();
        if (samples.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("Error samples:");
        foreach (var sample in samples)
        {
            w.WriteLine("  " + sample);
        }

        if (report.ApiOutputTail.Count > 0)
        {
            w.WriteLine("API output (last lines):");
            foreach (var line in report.ApiOutputTail.TakeLast(20))
            {
                w.WriteLine("  | " + line);
            }
        }
    }

    private static string Row(string label, int sales, int created, int errors, double seconds, double rate) =>
        $"{label,-40}{N(sales),10}{N(created),10}{N(errors),8}{seconds,9:F2}{N(rate),10}";

    private static string N(double value) => value.ToString("N0", Culture);

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F2", Culture) + "x" : "n/a";
}
