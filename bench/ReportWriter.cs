using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>Saves a report as JSON under bench/results/ (git-ignored).</summary>
internal static class ReportWriter
{
    /// <summary>Writes <c>bench/results/{name}-{yyyyMMdd-HHmmss}.json</c> under the repo root (or ./results outside the repo); returns the path.</summary>
    public static string Write<T>(string name, T report, DateTimeOffset startedAt)
    {
        var root = RepoLocator.FindRoot();
        var folder = root is null ? Path.GetFullPath("results") : Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{startedAt.UtcDateTime:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(report, BenchJson.Report) + Environment.NewLine);
        return path;
    }
}
