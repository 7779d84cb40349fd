using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Achievements;

/// <summary>Managers define and change achievement rules. A rule changed later does not take back badges already earned.</summary>
public sealed class AchievementRuleBook(IStoreWriter writer, IDocumentStore store, TierLadder tiers, TimeProvider time)
{
    public const int MaxThreshold = 1000;
    public const decimal MaxPoints = 1_000_000m;

    public IReadOnlyList<AchievementRule> List() => store.Set<AchievementRule>().FindOrdered(null, r => r.Id, descending: false);

    public AchievementRule? Get(string id) => store.Set<AchievementRule>().Get(id);

    public async Task<Result<AchievementRule>> CreateAsync(AchievementRuleDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow();
        var rule = Build(draft, StoreIds.New(), now, now);
        return await writer.WriteAsync(s =>
        {
            s.Set<AchievementRule>().Insert(rule);
            return rule;
        }, cancellationToken);
    }

    public async Task<Result<AchievementRule>> ReplaceAsync(string id, AchievementRuleDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { } error)
        {
            return error;
        }

        return await writer.WriteAsync<Result<AchievementRule>>(s =>
        {
            var rules = s.Set<AchievementRule>();
            if (rules.Get(id) is not { } current)
            {
                return NotFound(id);
            }

            var changed = Build(draft, id, current.CreatedAt, time.GetUtcNow());
            rules.Update(changed);
            return changed;
        }, cancellationToken);
    }

    public static DomainError NotFound(string id) => DomainError.NotFound("achievement_rule_not_found", $"There is no achievement rule '{id}'.", "id");

    private AchievementRule Build(AchievementRuleDraft draft, string id, DateTimeOffset createdAt, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = draft.Kind!.Value,
        Name = draft.Name!.Trim(),
        Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
        Threshold = draft.Kind is AchievementKind.FirstSale or AchievementKind.FirstRedemption or AchievementKind.TierReached ? 1 : draft.Threshold ?? 1,
        Tier = draft.Kind == AchievementKind.TierReached ? tiers.Normalize(draft.Tier?.Trim()) : null,
        Points = Ledger.Points.Normalize(draft.Points ?? 0m),
        IsActive = draft.IsActive ?? true,
        CreatedAt = createdAt,
        UpdatedAt = now,
    };

    private DomainError? Check(AchievementRuleDraft draft)
    {
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return DomainError.Invalid("kind", Validate.MissingField, "'kind' is required: firstSale, firstRedemption, quizzesPassed, tierReached, salesStreak, qualifiedReferrals or contestWinner.");
        }

        var error = Validate.Text("name", draft.Name, 100, out _) ?? Validate.OptionalText("description", draft.Description, 500, out _);
        if (error is not null)
        {
            return error;
        }

        if (draft.Threshold is { } threshold && (threshold < 1 || threshold > MaxThreshold))
        {
            return DomainError.Invalid("threshold", Validate.OutOfRange, $"'threshold' must be between 1 and {MaxThreshold}.");
        }

        if (kind == AchievementKind.TierReached && tiers.Normalize(draft.Tier?.Trim()) is null)
        {
            return DomainError.Invalid("tier", Validate.InvalidValue, $"'tier' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
        }

        if (draft.Points is { } points && (points < 0 || points > MaxPoints || decimal.Round(points, 2) != points))
        {
            return DomainError.Invalid("points", Validate.OutOfRange, $"'points' must be between 0 and {MaxPoints:N0}, with at most two decimals.");
        }

        return null;
    }
}
