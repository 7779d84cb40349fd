namespace LoyaltyBot.Core.Members;

/// <summary>A dealer or partner in the program.</summary>
public sealed record Member
{
    /// <summary>Internal id (time-ordered).</summary>
    public required string Id { get; init; }

    /// <summary>The company's own code for the member; unique.</summary>
    public required string ExternalId { get; init; }

    public required string Name { get; init; }

    public string? Region { get; init; }

    public MemberKind Kind { get; init; } = MemberKind.Dealer;

    public string Language { get; init; } = Languages.Default;

    public MemberStatus Status { get; init; } = MemberStatus.Active;

    /// <summary>Tier as of the last sale; see <c>TierLadder</c>.</summary>
    public required string Tier { get; init; }

    /// <summary>Cached sum of the member's ledger entries, changed in the same transaction as they are.</summary>
    public decimal Balance { get; init; }

    /// <summary>How many ledger entries the member has; their ids are in the member's <c>LedgerBucket</c>s.</summary>
    public int LedgerEntries { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Staff roles in chat, e.g. <see cref="MemberRoles.Manager"/>; dealers have none.</summary>
    public List<string> Roles { get; init; } = [];

    public bool IsManager => Roles.Contains(MemberRoles.Manager);
}
