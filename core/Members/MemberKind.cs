namespace LoyaltyBot.Core.Members;

/// <summary>Dealers sell; partners mostly recruit. Both earn and spend points the same way.</summary>
public enum MemberKind
{
    Dealer,
    Partner,
}
