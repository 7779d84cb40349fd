using System.Collections.Concurrent;

namespace LoyaltyBot.Bench;

/// <summary>Units of every sale the API accepted, per member, to compare with unitsThisYear at the end.</summary>
internal sealed class ExpectedUnits
{
    private readonly ConcurrentDictionary<string, long> _units = new();

    public void Add(SaleRequest sale) => _units.AddOrUpdate(sale.MemberExternalId, sale.Units, (_, total) => total + sale.Units);

    public long Get(string memberExternalId) => _units.GetValueOrDefault(memberExternalId);
}
