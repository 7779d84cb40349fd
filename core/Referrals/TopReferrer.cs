using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Referrals;

public sealed record TopReferrer(Member Member, ReferrerFigures Figures);
