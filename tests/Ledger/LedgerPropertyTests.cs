using CsCheck;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Ledger;

public sealed class LedgerPropertyTests
{
    private enum Op { Sale, Credit, Debit }

    [Fact]
    public void Any_mix_of_sales_adjustments_and_debits_keeps_the_balance_equal_to_the_sum_of_entries_and_never_negative()
    {
        var operation = Gen.Select(Gen.Enum<Op>(), Gen.Int[1, 3000]);
        operation.Array[1, 30].Sample(ops =>
        {
            using var core = new CoreHarness();
            var member = core.Enrol("M-1").GetAwaiter().GetResult();
            var n = 0;
            foreach (var (op, value) in ops)
            {
                n++;
                var before = core.MemberQueries.ById(member.Id)!;
                var entriesBefore = core.LedgerQueries.Page(member.Id, 1, 1).Total;
                switch (op)
                {
                    case Op.Sale:
                        var sale = core.Sales.RecordAsync(new SaleRequest($"S-{n}", "M-1", "SKU", value, core.Clock.GetUtcNow()), "test", default)
                            .GetAwaiter().GetResult();
                        if (!sale.IsSuccess) return false;
                        break;
                    case Op.Credit:
                    case Op.Debit:
                        var amount = op == Op.Credit ? value : -value;
                        var adjusted = core.Adjustments.AdjustAsync("M-1", new Adjustment(amount, "property test"), "test", default)
                            .GetAwaiter().GetResult();
                        var shouldFail = before.Balance + amount < 0;
                        if (adjusted.IsSuccess == shouldFail) return false;
                        if (shouldFail && (adjusted.Error!.Code != "insufficient_points"
                            || core.LedgerQueries.Page(member.Id, 1, 1).Total != entriesBefore
                            || core.MemberQueries.ById(member.Id)!.Balance != before.Balance))
                        {
                            return false;
                        }

                        break;
                }

                var after = core.MemberQueries.ById(member.Id)!;
                if (after.Balance < 0 || after.Balance != core.LedgerQueries.SumOf(member.Id))
                {
                    return false;
                }
            }

            return true;
        }, iter: 25, threads: 1);
    }
}
