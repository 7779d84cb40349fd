using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Api.Rewards;

/// <summary>A catalog item. An absent <c>stock</c> means unlimited; <c>imageUrl</c> is set when an image was uploaded.</summary>
public sealed record RewardResponse(
    string Id,
    LocalizedText Name,
    LocalizedText? Description,
    RewardCategory Category,
    decimal CostPoints,
    string? MinTier,
    int? Stock,
    int? PerMemberLimit,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableTo,
    bool Active,
    string? ImageUrl,
    int TimesRedeemed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RewardResponse From(Reward reward) => new(
        reward.Id,
        reward.Name,
        reward.Description,
        reward.Category,
        reward.CostPoints,
        reward.MinTier,
        reward.Stock,
        reward.PerMemberLimit,
        reward.AvailableFrom,
        reward.AvailableTo,
        reward.IsActive,
        reward.ImageContentType is null ? null : $"/api/v1/rewards/{reward.Id}/image",
        reward.TimesRedeemed,
        reward.CreatedAt,
        reward.UpdatedAt);
}
