namespace LoyaltyBot.Core.Backups;

/// <summary>Configuration section <c>Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written; relative paths are under the working directory.</summary>
    public string Directory { get; set; } = "data/backups";
}
