namespace LoyaltyBot.Core.Quizzes;

/// <summary>The audience as an author sends it; omitted or empty lists mean everyone.</summary>
public sealed record AudienceDraft(IReadOnlyList<string?>? Tiers = null, IReadOnlyList<string?>? Regions = null);
