namespace LoyaltyBot.Core.Storage;

/// <summary>Time-ordered unique ids for documents.</summary>
public static class StoreIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
