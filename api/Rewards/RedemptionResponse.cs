using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Api.Rewards;

/// <summary>A redemption with its full status history; <c>balance</c> is the member's balance, set by the member endpoints.</summary>
public sealed record RedemptionResponse(
    string Id,
    RedemptionStatus Status,
    string MemberExternalId,
    string RewardId,
    LocalizedText RewardName,
    decimal CostPoints,
    string? Voucher,
    string? Message,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<RedemptionStatusChangeResponse> History)
{
    public decimal? Balance { get; init; }

    public static RedemptionResponse From(Redemption redemption) => new(
        redemption.Id,
        redemption.Status,
        redemption.MemberExternalId,
        redemption.RewardId,
        redemption.RewardName,
        redemption.CostPoints,
        redemption.Voucher,
        redemption.Message,
        redemption.RejectReason,
        redemption.CreatedAt,
        redemption.UpdatedAt,
        redemption.History.Select(h => new RedemptionStatusChangeResponse(h.Status, h.At, h.Actor, h.Note)).ToArray());
}
