namespace LoyaltyBot.Core.Backups;

/// <summary>A finished backup: a single, self-contained LiteDB file.</summary>
public sealed record StoreBackup(string Path, long SizeBytes, DateTimeOffset CreatedAt);
