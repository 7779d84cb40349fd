using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Spiffs;

/// <summary>Managers define, change and end SPIFFs; validation lives here so chat and API agree.</summary>
public sealed class SpiffBook(IStoreWriter writer, TierLadder tiers, TimeProvider time)
{
    public const int MaxSkus = 100;
    public const decimal MaxPointsPerUnit = 1_000_000m;

    public async Task<Result<Spiff>> CreateAsync(SpiffDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow();
        var spiff = Build(draft, StoreIds.New(), now) with { CreatedAt = now };
        return await writer.WriteAsync(store =>
        {
            store.Set<Spiff>().Insert(spiff);
            return spiff;
        }, cancellationToken);
    }

    /// <summary>Replaces every field; bonuses already paid stay as they are.</summary>
    public async Task<Result<Spiff>> ReplaceAsync(string id, SpiffDraft draft, CancellationToken cancellationToken)
    {
        if (Check(draft) is { } error)
        {
            return error;
        }

        return await writer.WriteAsync<Result<Spiff>>(store =>
        {
            var spiffs = store.Set<Spiff>();
            var current = spiffs.Get(id);
            if (current is null)
            {
                return SpiffErrors.NotFound(id);
            }

            var changed = Build(draft, id, time.GetUtcNow()) with
            {
                CreatedAt = current.CreatedAt,
                IsActive = current.IsActive,
                AnnouncedAt = current.AnnouncedAt,
            };
            spiffs.Update(changed);
            return changed;
        }, cancellationToken);
    }

    /// <summary>Ends the SPIFF at once: later sales earn nothing from it; idempotent.</summary>
    public Task<Result<Spiff>> DeactivateAsync(string id, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<Spiff>>(store =>
        {
            var spiffs = store.Set<Spiff>();
            var current = spiffs.Get(id);
            if (current is null)
            {
                return SpiffErrors.NotFound(id);
            }

            if (!current.IsActive)
            {
                return current;
            }

            var changed = current with { IsActive = false, UpdatedAt = time.GetUtcNow() };
            spiffs.Update(changed);
            return changed;
        }, cancellationToken);

    private Spiff Build(SpiffDraft draft, string id, DateTimeOffset now) => new()
    {
        Id = id,
        Title = draft.Title!.Trim(),
        Skus = draft.Skus!.Select(s => s!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        PointsPerUnit = Ledger.Points.Normalize(draft.PointsPerUnit!.Value),
        From = Utc(draft.From!.Value),
        To = Utc(draft.To!.Value),
        Tiers = (draft.Tiers ?? []).Select(t => tiers.Normalize(t!.Trim())!).Distinct().ToList(),
        Regions = (draft.Regions ?? []).Select(r => r!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        UpdatedAt = now,
    };

    private DomainError? Check(SpiffDraft draft)
    {
        if (Validate.Text("title", draft.Title, 200, out _) is { } titleError)
        {
            return titleError;
        }

        if (draft.Skus is not { Count: > 0 } skus)
        {
            return DomainError.Invalid("skus", Validate.MissingField, "'skus' needs at least one SKU.");
        }

        if (skus.Count > MaxSkus)
        {
            return DomainError.Invalid("skus", Validate.OutOfRange, $"'skus' may hold at most {MaxSkus} SKUs.");
        }

        foreach (var sku in skus)
        {
            if (Validate.Text("skus", sku, 64, out _) is { } skuError)
            {
                return skuError;
            }
        }

        if (draft.PointsPerUnit is not { } points)
        {
            return DomainError.Invalid("pointsPerUnit", Validate.MissingField, "'pointsPerUnit' is required.");
        }

        if (points <= 0 || points > MaxPointsPerUnit || decimal.Round(points, 2) != points)
        {
            return DomainError.Invalid("pointsPerUnit", Validate.OutOfRange, $"'pointsPerUnit' must be above 0, at most {MaxPointsPerUnit:N0}, with at most two decimals.");
        }

        if (draft.From is not { } from)
        {
            return DomainError.Invalid("from", Validate.MissingField, "'from' is required.");
        }

        if (draft.To is not { } to)
        {
            return DomainError.Invalid("to", Validate.MissingField, "'to' is required.");
        }

        if (to <= from)
        {
            return DomainError.Invalid("to", Validate.OutOfRange, "'to' must be after 'from'.");
        }

        foreach (var tier in draft.Tiers ?? [])
        {
            if (tiers.Normalize(tier?.Trim()) is null)
            {
                return DomainError.Invalid("tiers", Validate.InvalidValue, $"'tiers' must name tiers among {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
            }
        }

        foreach (var region in draft.Regions ?? [])
        {
            if (Validate.Text("regions", region, 100, out _) is { } regionError)
            {
                return regionError;
            }
        }

        return null;
    }

    /// <summary>UTC with millisecond precision, as the store keeps it, so window edges compare exactly.</summary>
    private static DateTimeOffset Utc(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
