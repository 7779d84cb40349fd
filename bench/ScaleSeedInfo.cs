using System.Text.Json;

namespace LoyaltyBot.Bench;

/// <summary>
/// What a seeded file holds; written as <c>FILE.scale.json</c> next to it once seeding has finished, so a later run
/// can reuse the file (a file without it was not seeded completely and is never reused).
/// </summary>
internal sealed record ScaleSeedInfo
{
    /// <summary>Seeded members' external ids are <c>{MemberPrefix}{index:D7}</c>, index 0 … Members-1.</summary>
    public const string MemberPrefix = "scale-m";

    public required int Members { get; init; }

    /// <summary>Sales seeded; each produced exactly one SaleAccrual ledger entry.</summary>
    public required long Entries { get; init; }

    /// <summary>Telegram user <c>FirstUserId + u</c> is linked to member <c>u * LinkStride</c>.</summary>
    public required int LinkedUsers { get; init; }

    public required int LinkStride { get; init; }

    public required int ProgramYear { get; init; }

    public required Dictionary<string, int> Tiers { get; init; }

    public required DateTimeOffset SeededAt { get; init; }

    public required double SeedSeconds { get; init; }

    public required double EntriesPerSecond { get; init; }

    public static string PathOf(string databasePath) => databasePath + ".scale.json";

    public static string ExternalIdOf(int index) => $"{MemberPrefix}{index:D7}";

    public static ScaleSeedInfo? TryRead(string databasePath)
    {
        var path = PathOf(databasePath);
        return File.Exists(path) ? JsonSerializer.Deserialize<ScaleSeedInfo>(File.ReadAllText(path), BenchJson.Report) : null;
    }

    public void Write(string databasePath) =>
        File.WriteAllText(PathOf(databasePath), JsonSerializer.Serialize(this, BenchJson.Report) + Environment.NewLine);
}
