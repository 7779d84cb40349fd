namespace LoyaltyBot.Core.Backups;

/// <summary>Configuration section <c>Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// Where backups are written; relative paths are under the working directory. Unset: a <c>backups</c> folder next
    /// to the database file, so they land on the same volume (<c>/data/backups</c> in the Docker image).
    /// </summary>
    public string? Directory { get; set; }

    public string DirectoryFor(string databasePath) =>
        string.IsNullOrWhiteSpace(Directory)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath))!, "backups")
            : System.IO.Path.GetFullPath(Directory);
}
