namespace LoyaltyBot.Tests.Teams;

/// <summary>
/// The captured Teams activities in <c>tests/Teams/Fixtures</c> (copied byte for byte from the project's shared
/// fixtures; provenance in SOURCES.md there). Read from the source tree, so a fresh clone has them.
/// </summary>
public static class TeamsFixtures
{
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static string Folder { get; } = Locate();

    public static IReadOnlyList<string> Activities { get; } =
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static bool HasBom(byte[] bytes) => bytes.AsSpan().StartsWith(Bom);

    public static byte[] WithoutBom(byte[] bytes) => HasBom(bytes) ? bytes[3..] : bytes;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoyaltyBot.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Teams", "Fixtures");
            }
        }

        throw new DirectoryNotFoundException("The repository root (LoyaltyBot.sln) was not found above " + AppContext.BaseDirectory);
    }
}
