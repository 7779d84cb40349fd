namespace LoyaltyBot.Core.Members;

public enum MemberStatus
{
    Active,
    Blocked,
}
