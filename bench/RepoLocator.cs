namespace LoyaltyBot.Bench;

/// <summary>Finds the repository root: the nearest folder (upwards) containing LoyaltyBot.sln.</summary>
internal static class RepoLocator
{
    private const string MarkerFile = "LoyaltyBot.sln";

    /// <summary>Searches upwards from the current directory, then from the bench binary's folder.</summary>
    public static string? FindRoot()
    {
        return FindUpwards(Environment.CurrentDirectory) ?? FindUpwards(AppContext.BaseDirectory);
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
