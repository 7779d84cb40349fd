using LoyaltyBot.Core.Auth;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Support;

/// <summary>The core use cases on a real LiteDB file in a temp folder, wired by hand.</summary>
public sealed class CoreHarness : IDisposable
{
    private readonly TempFolder _folder = new();

    public CoreHarness(DateTimeOffset? now = null, StoreOptions? storeOptions = null)
    {
        Clock = new FakeTimeProvider(now ?? DateTimeOffset.Parse("2026-06-15T09:00:00Z"));
        Store = new LiteStore(_folder.File("loyalty.db"), [new MemberSchema(), new LedgerSchema(), new SalesSchema(), new ApiKeySchema()]);
        Writer = new StoreWriter(Store, storeOptions ?? new StoreOptions(), NullLogger<StoreWriter>.Instance);
        var calendar = new ProgramCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        Ledger = new PointsLedger(Clock);
        Members = new MemberRegistry(Writer, TierLadder.Default, Clock);
        MemberQueries = new MemberQueries(Store, EarningRule.Default, TierLadder.Default, calendar, Clock);
        Sales = new SaleRecorder(Writer, Ledger, EarningRule.Default, TierLadder.Default, calendar, Clock, []);
        Adjustments = new PointsAdjustments(Writer, Ledger);
        LedgerQueries = new LedgerQueries(Store);
    }

    public FakeTimeProvider Clock { get; }

    public LiteStore Store { get; }

    public StoreWriter Writer { get; }

    public PointsLedger Ledger { get; }

    public MemberRegistry Members { get; }

    public MemberQueries MemberQueries { get; }

    public SaleRecorder Sales { get; }

    public PointsAdjustments Adjustments { get; }

    public LedgerQueries LedgerQueries { get; }

    public async Task<Member> Enrol(string externalId)
    {
        var result = await Members.EnrolAsync(new NewMember(externalId, "Dealer " + externalId), CancellationToken.None);
        return result.Value ?? throw new InvalidOperationException(result.Error?.Message);
    }

    public void Dispose()
    {
        Writer.Dispose();
        Store.Dispose();
        _folder.Dispose();
    }
}
