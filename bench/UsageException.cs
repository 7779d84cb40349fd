namespace LoyaltyBot.Bench;

/// <summary>Thrown for invalid command-line arguments; the command prints its usage and exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
