namespace LoyaltyBot.Api.Admin;

/// <summary>Where the backup was written (on the server) and how big it is.</summary>
public sealed record BackupResponse(string Path, long SizeBytes, DateTimeOffset CreatedAt);
