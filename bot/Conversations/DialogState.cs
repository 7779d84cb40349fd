namespace LoyaltyBot.Bot.Conversations;

/// <summary>
/// Where a multi-step dialog stands for one chat identity ("waiting for the reject reason"). Persisted, so a
/// restart continues where it was; expires after inactivity.
/// </summary>
public sealed record DialogState
{
    /// <summary>The identity id.</summary>
    public required string Id { get; init; }

    /// <summary>The button prefix of the handler that owns the dialog.</summary>
    public required string Flow { get; init; }

    public required string Step { get; init; }

    /// <summary>A random token carried by the dialog's buttons, so buttons of an older dialog are recognised as stale.</summary>
    public required string Nonce { get; init; }

    public Dictionary<string, string> Data { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
