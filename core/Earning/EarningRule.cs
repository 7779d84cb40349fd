using LoyaltyBot.Core.Ledger;

namespace LoyaltyBot.Core.Earning;

/// <summary>
/// Marginal brackets on the units a member sold in the program year: a sale that crosses a
/// bracket boundary earns each unit at the rate of the bracket that unit falls in.
/// </summary>
public sealed class EarningRule
{
    public EarningRule(IEnumerable<EarningBracket> brackets)
    {
        Brackets = brackets.OrderBy(b => b.FromUnit).ToArray();
        if (Brackets.Count == 0 || Brackets[0].FromUnit != 1)
        {
            throw new ArgumentException("Earning brackets must start at unit 1.", nameof(brackets));
        }

        if (Brackets.Select(b => b.FromUnit).Distinct().Count() != Brackets.Count)
        {
            throw new ArgumentException("Earning brackets must start at distinct units.", nameof(brackets));
        }

        if (Brackets.Any(b => b.PointsPerUnit < 0))
        {
            throw new ArgumentException("Points per unit cannot be negative.", nameof(brackets));
        }
    }

    /// <summary>The program brief's default: 1 point per unit up to 1000, 1.5 up to 5000, 2 above.</summary>
    public static EarningRule Default { get; } = new([new(1, 1m), new(1001, 1.5m), new(5001, 2m)]);

    public IReadOnlyList<EarningBracket> Brackets { get; }

    /// <summary>Points for selling <paramref name="units"/> more when <paramref name="unitsBefore"/> were already sold this year.</summary>
    public decimal PointsFor(long unitsBefore, long units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitsBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var first = unitsBefore + 1;
        var last = unitsBefore + units;
        var total = 0m;
        for (var i = 0; i < Brackets.Count; i++)
        {
            var from = Brackets[i].FromUnit;
            var to = i + 1 < Brackets.Count ? Brackets[i + 1].FromUnit - 1 : long.MaxValue;
            var overlap = Math.Min(last, to) - Math.Max(first, from) + 1;
            if (overlap > 0)
            {
                total += overlap * Brackets[i].PointsPerUnit;
            }
        }

        return Points.Normalize(total);
    }

    /// <summary>The rate of the next unit a member with <paramref name="unitsSold"/> units would sell.</summary>
    public decimal RateAt(long unitsSold) => Brackets.Last(b => b.FromUnit <= unitsSold + 1).PointsPerUnit;
}
