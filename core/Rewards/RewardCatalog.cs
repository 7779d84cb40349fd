using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Rewards;

/// <summary>Managers keep the catalog: create, replace, (de)activate, delete never-redeemed unused rewards, set images.</summary>
public sealed class RewardCatalog(
    IStoreWriter writer, TierLadder tiers, RewardOptions options, TimeProvider time, IEnumerable<IRewardReferences> references)
{
    private readonly IRewardReferences[] _references = references.ToArray();

    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const decimal MaxCost = 1_000_000_000m;
    public const int MaxQuantity = 1_000_000;

    public Task<Result<Reward>> CreateAsync(RewardDraft draft, CancellationToken cancellationToken)
    {
        var checkedDraft = Check(draft);
        if (!checkedDraft.IsSuccess)
        {
            return Fail(checkedDraft.Error);
        }

        var now = time.GetUtcNow();
        var reward = checkedDraft.Value with { Id = StoreIds.New(), CreatedAt = now, UpdatedAt = now };
        return writer.WriteAsync<Result<Reward>>(store =>
        {
            store.Set<Reward>().Insert(reward);
            return reward;
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces every editable field (PUT semantics: an absent stock means unlimited again). With
    /// <paramref name="expectedVersions"/> it replaces the reward only while it has one of those versions, so the stock an
    /// older read saw is never written back over units redeemed since.
    /// </summary>
    public Task<Result<Reward>> ReplaceAsync(
        string id, RewardDraft draft, IReadOnlySet<long>? expectedVersions, CancellationToken cancellationToken)
    {
        var checkedDraft = Check(draft);
        if (!checkedDraft.IsSuccess)
        {
            return Fail(checkedDraft.Error);
        }

        var edited = checkedDraft.Value;
        return Change(id, current => current with
        {
            Name = edited.Name,
            Description = edited.Description,
            Category = edited.Category,
            CostPoints = edited.CostPoints,
            MinTier = edited.MinTier,
            Stock = edited.Stock,
            PerMemberLimit = edited.PerMemberLimit,
            AvailableFrom = edited.AvailableFrom,
            AvailableTo = edited.AvailableTo,
        }, cancellationToken, expectedVersions: expectedVersions);
    }

    public Task<Result<Reward>> SetActiveAsync(string id, bool active, CancellationToken cancellationToken) =>
        Change(id, current => current with { IsActive = active }, cancellationToken);

    /// <summary>
    /// Deletes a reward that was never redeemed and that nothing needs (<see cref="IRewardReferences"/>: an open contest's
    /// prize, an award); the others stay (deactivate them). The checks run in the delete's own transaction.
    /// </summary>
    public Task<Result<Reward>> DeleteAsync(string id, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<Reward>>(store =>
        {
            var rewards = store.Set<Reward>();
            var reward = rewards.Get(id);
            if (reward is null)
            {
                return RewardErrors.RewardNotFound(id) with { Field = "id" };
            }

            if (reward.TimesRedeemed > 0 || store.Set<Redemption>().Exists(r => r.RewardId == id))
            {
                return RewardErrors.EverRedeemed(id);
            }

            var holders = _references.SelectMany(r => r.HoldersOf(store, id)).ToArray();
            if (holders.Length > 0)
            {
                return RewardErrors.InUse(id, holders);
            }

            rewards.Delete(id);
            store.Set<RewardImage>().Delete(id);
            return reward;
        }, cancellationToken);

    /// <summary>Stores a PNG or JPEG (recognised by its bytes, at most <see cref="RewardOptions.MaxImageBytes"/>).</summary>
    public Task<Result<Reward>> SetImageAsync(string id, byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > options.MaxImageBytes)
        {
            return Fail(RewardErrors.ImageTooLarge(options.MaxImageBytes));
        }

        if (RewardImageFormat.Detect(bytes) is not { } contentType)
        {
            return Fail(RewardErrors.NotAnImage());
        }

        var now = time.GetUtcNow();
        return Change(id, current => current with { ImageContentType = contentType }, cancellationToken, store =>
            store.Set<RewardImage>().Upsert(new RewardImage { Id = id, ContentType = contentType, Bytes = bytes, UpdatedAt = now }));
    }

    public Task<Result<Reward>> RemoveImageAsync(string id, CancellationToken cancellationToken) =>
        Change(id, current => current with { ImageContentType = null }, cancellationToken, store => store.Set<RewardImage>().Delete(id));

    private Task<Result<Reward>> Change(
        string id,
        Func<Reward, Reward> change,
        CancellationToken cancellationToken,
        Action<IDocumentStore>? alsoInTransaction = null,
        IReadOnlySet<long>? expectedVersions = null) =>
        writer.WriteAsync<Result<Reward>>(store =>
        {
            var rewards = store.Set<Reward>();
            var current = rewards.Get(id);
            if (current is null)
            {
                return RewardErrors.RewardNotFound(id) with { Field = "id" };
            }

            if (expectedVersions is { } expected && !expected.Contains(current.Version))
            {
                return RewardErrors.Modified(id);
            }

            var changed = change(current) with { UpdatedAt = time.GetUtcNow(), Version = current.Version + 1 };
            rewards.Update(changed);
            alsoInTransaction?.Invoke(store);
            return changed;
        }, cancellationToken);

    /// <summary>Validates a draft into a reward without id or timestamps.</summary>
    private Result<Reward> Check(RewardDraft draft)
    {
        if (CheckText("name", draft.Name, MaxNameLength, out var name) is { } nameError)
        {
            return nameError;
        }

        if (name is null)
        {
            return DomainError.Invalid("name", Validate.MissingField, "'name' is required: {\"ru\": \"…\", \"uk\": \"…\", \"en\": \"…\"}.");
        }

        if (CheckText("description", draft.Description, MaxDescriptionLength, out var description) is { } descriptionError)
        {
            return descriptionError;
        }

        if (draft.Category is not { } category)
        {
            return DomainError.Invalid("category", Validate.MissingField, $"'category' is required: one of {CategoryNames}.");
        }

        if (!Enum.IsDefined(category))
        {
            return DomainError.Invalid("category", Validate.InvalidValue, $"'category' must be one of {CategoryNames}.");
        }

        if (draft.CostPoints is not { } cost)
        {
            return DomainError.Invalid("costPoints", Validate.MissingField, "'costPoints' is required.");
        }

        if (cost <= 0 || cost > MaxCost || decimal.Round(cost, 2) != cost)
        {
            return DomainError.Invalid("costPoints", Validate.OutOfRange, $"'costPoints' must be positive, at most {MaxCost:N0}, with at most two decimals.");
        }

        string? minTier = null;
        if (draft.MinTier is not null && (minTier = tiers.Normalize(draft.MinTier.Trim())) is null)
        {
            return DomainError.Invalid("minTier", Validate.InvalidValue, $"'minTier' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
        }

        if (draft.Stock is < 0 or > MaxQuantity)
        {
            return DomainError.Invalid("stock", Validate.OutOfRange, $"'stock' must be between 0 and {MaxQuantity:N0}; leave it out for unlimited.");
        }

        if (draft.PerMemberLimit is < 1 or > MaxQuantity)
        {
            return DomainError.Invalid("perMemberLimit", Validate.OutOfRange, $"'perMemberLimit' must be between 1 and {MaxQuantity:N0}; leave it out for no limit.");
        }

        var from = Utc(draft.AvailableFrom);
        var to = Utc(draft.AvailableTo);
        if (from is not null && to is not null && to <= from)
        {
            return DomainError.Invalid("availableTo", Validate.OutOfRange, "'availableTo' must be later than 'availableFrom'.");
        }

        return new Reward
        {
            Id = string.Empty,
            Name = name,
            Description = description,
            Category = category,
            CostPoints = Ledger.Points.Normalize(cost),
            MinTier = minTier,
            Stock = draft.Stock,
            PerMemberLimit = draft.PerMemberLimit,
            AvailableFrom = from,
            AvailableTo = to,
        };
    }

    private static string CategoryNames => "discount, goods, giftCertificate, training, event, vip";

    /// <summary>Null when valid; <paramref name="text"/> is null when the draft left the text out.</summary>
    private static DomainError? CheckText(string field, LocalizedTextDraft? draft, int maxLength, out LocalizedText? text)
    {
        text = null;
        if (draft is null)
        {
            return null;
        }

        var ruError = Validate.Text($"{field}.ru", draft.Ru, maxLength, out var ru);
        var ukError = Validate.OptionalText($"{field}.uk", draft.Uk, maxLength, out var uk);
        var enError = Validate.OptionalText($"{field}.en", draft.En, maxLength, out var en);
        var error = ruError ?? ukError ?? enError;
        if (error is not null)
        {
            return error;
        }

        text = new LocalizedText { Ru = ru, Uk = uk.Length == 0 ? null : uk, En = en.Length == 0 ? null : en };
        return null;
    }

    /// <summary>UTC with millisecond precision, as the store keeps it.</summary>
    private static DateTimeOffset? Utc(DateTimeOffset? moment) =>
        moment is { } m ? new DateTimeOffset(m.UtcTicks - m.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) : null;

    private static Task<Result<Reward>> Fail(DomainError error) => Task.FromResult<Result<Reward>>(error);
}
