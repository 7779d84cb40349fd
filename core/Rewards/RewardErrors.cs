using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Rewards;

/// <summary>The catalog's and the redemptions' user mistakes; the codes are part of the API contract.</summary>
public static class RewardErrors
{
    public const string RewardNotFoundCode = "reward_not_found";
    public const string InsufficientPointsCode = "insufficient_points";
    public const string OutOfStockCode = "out_of_stock";
    public const string TierTooLowCode = "tier_too_low";
    public const string LimitReachedCode = "limit_reached";
    public const string NotAvailableCode = "not_available";
    public const string PriceChangedCode = "price_changed";
    public const string InUseCode = "reward_in_use";

    /// <summary>Unknown, or (for redeeming) deactivated.</summary>
    public static DomainError RewardNotFound(string id) =>
        DomainError.NotFound(RewardNotFoundCode, $"No active reward has id '{id}'.", "rewardId");

    public static DomainError InsufficientPoints(decimal balance, decimal cost) =>
        DomainError.Conflict(InsufficientPointsCode, $"The reward costs {cost} points; the balance is {balance}.", "rewardId");

    public static DomainError OutOfStock(string id) =>
        DomainError.Conflict(OutOfStockCode, $"Reward '{id}' is out of stock.", "rewardId");

    public static DomainError TierTooLow(string minTier, string tier) =>
        DomainError.Unprocessable(TierTooLowCode, $"The reward needs tier {minTier}; the member is {tier}.", "rewardId");

    public static DomainError LimitReached(int limit) =>
        DomainError.Conflict(LimitReachedCode, $"The member already holds {limit} redemption(s) of this reward, the most allowed.", "rewardId");

    public static DomainError NotAvailable(string id) =>
        DomainError.Unprocessable(NotAvailableCode, $"Reward '{id}' is not available at this time.", "rewardId");

    public static DomainError IdempotencyConflict(string key) =>
        DomainError.Conflict("idempotency_conflict", $"The idempotency key '{key}' was already used for another reward.", "idempotencyKey");

    /// <summary>The member confirmed another price than the reward has now.</summary>
    public static DomainError PriceChanged(decimal cost) =>
        DomainError.Conflict(PriceChangedCode, $"The reward's cost changed to {cost} points since it was confirmed.", "rewardId");

    /// <summary>An edit carried a version (ETag) the reward no longer has: a redemption, refund or other edit came in between.</summary>
    public static DomainError Modified(string id) =>
        DomainError.PreconditionFailed("precondition_failed", $"Reward '{id}' changed since it was read (a redemption, a refund or another edit); read it again and repeat the change.", "If-Match");

    public static DomainError RedemptionNotFound(string id) =>
        DomainError.NotFound("redemption_not_found", $"No redemption has id '{id}'.", "id");

    public static DomainError NotPending(RedemptionStatus status) =>
        DomainError.Conflict("invalid_status", $"The redemption is {status.ToString().ToLowerInvariant()}; only a pending redemption can change.", "status");

    public static DomainError EverRedeemed(string id) =>
        DomainError.Conflict("reward_redeemed", $"Reward '{id}' was redeemed before and is kept for the record; deactivate it instead.", "id");

    /// <summary>Something still needs the reward (see <see cref="IRewardReferences"/>), so it stays in the catalog.</summary>
    public static DomainError InUse(string id, IReadOnlyList<string> holders) =>
        DomainError.Conflict(InUseCode, $"Reward '{id}' is in use: {string.Join("; ", holders)}. It stays in the catalog; deactivate it to hide it from members (a deactivated reward can still be a prize).", "id");

    public static DomainError ImageTooLarge(int limit) =>
        DomainError.Invalid("image", "image_too_large", $"The image must be at most {limit:N0} bytes.");

    public static DomainError NotAnImage() =>
        DomainError.Invalid("image", "invalid_image", "The image must be a PNG or JPEG file, sent as the request body (or as a multipart/form-data file named 'image').");

    public static DomainError NoImage(string id) =>
        DomainError.NotFound("image_not_found", $"Reward '{id}' has no image.", "id");
}
