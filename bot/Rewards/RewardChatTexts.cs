using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;

namespace LoyaltyBot.Bot.Rewards;

/// <summary>The rewards' recurring phrases: why a reward is out of reach, a status, a refusal.</summary>
internal static class RewardChatTexts
{
    /// <summary>«не хватает 1 250 баллов», «доступно с уровня Gold»…; null for a redeemable offer.</summary>
    public static string? Reason(Texts texts, RewardOffer offer) => offer.Obstacle switch
    {
        null => null,
        RewardObstacle.InsufficientPoints => texts.Format("Rewards.Reason.NeedPoints", texts.PointsGenitive(offer.Shortfall)),
        RewardObstacle.TierTooLow => texts.Format("Rewards.Reason.Tier", offer.Reward.MinTier ?? string.Empty),
        RewardObstacle.OutOfStock => texts["Rewards.Reason.OutOfStock"],
        RewardObstacle.LimitReached => texts["Rewards.Reason.Limit"],
        _ => texts["Rewards.Reason.NotAvailable"],
    };

    public static string Status(Texts texts, RedemptionStatus status) => texts[$"Rewards.Status.{status}"];

    /// <summary>A refused redemption explained to the member.</summary>
    public static string Refusal(Texts texts, DomainError error, Reward? reward, Member member) => error.Code switch
    {
        RewardErrors.RewardNotFoundCode => texts["Rewards.Error.NotFound"],
        RewardErrors.NotAvailableCode => texts["Rewards.Error.NotAvailable"],
        RewardErrors.TierTooLowCode => texts.Format("Rewards.Error.TierTooLow", reward?.MinTier ?? string.Empty),
        RewardErrors.LimitReachedCode => texts["Rewards.Error.LimitReached"],
        RewardErrors.OutOfStockCode => texts["Rewards.Error.OutOfStock"],
        RewardErrors.PriceChangedCode => texts.Format("Rewards.Error.PriceChanged", texts.Points(reward?.CostPoints ?? 0)),
        RewardErrors.InsufficientPointsCode =>
            texts.Format("Rewards.Error.InsufficientPoints", texts.PointsGenitive(Math.Max(0, (reward?.CostPoints ?? 0) - member.Balance))),
        "member_blocked" => texts["Member.Blocked"],
        _ => texts["Common.Error"],
    };
}
