using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Sales;

/// <summary>Turns reported sales into points, units and tiers, exactly once per sale id.</summary>
public sealed class SaleRecorder(
    IStoreWriter writer,
    PointsLedger ledger,
    EarningRule rule,
    TierLadder tiers,
    ProgramCalendar calendar,
    TimeProvider time,
    IEnumerable<ISaleObserver> observers)
{
    public const long MaxUnits = 1_000_000;
    public const int MaxBatch = 10_000;

    /// <summary>The source and idempotency key of a sale's ledger credit.</summary>
    public static string LedgerKeyOf(string saleId) => $"sale:{saleId}";

    /// <summary>Sales of a batch request run as one write operation (see <see cref="StoreOptions.MaxTransactionPages"/>).</summary>
    public const int ChunkSize = 500;

    private readonly ISaleObserver[] _observers = observers.ToArray();

    // externalId → member id: both never change and members are never deleted, so this can only miss.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _memberIds = new(StringComparer.Ordinal);

    public async Task<Result<SaleReceipt>> RecordAsync(SaleRequest request, string actor, CancellationToken cancellationToken)
    {
        var error = Check(request, out var sale);
        if (error is not null)
        {
            return error;
        }

        return await writer.WriteAsync(store => Apply(store, sale!, actor), cancellationToken);
    }

    /// <summary>Records many sales, in order; valid items commit even when others are rejected.</summary>
    public async Task<IReadOnlyList<SaleOutcome>> RecordBatchAsync(
        IReadOnlyList<SaleRequest?> requests,
        string actor,
        CancellationToken cancellationToken)
    {
        var outcomes = new SaleOutcome?[requests.Count];
        var valid = new List<(int Index, ValidSale Sale)>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request is null)
            {
                outcomes[i] = new SaleOutcome(null, SaleItemStatus.Rejected, null,
                    DomainError.Invalid($"sales[{i}]", Validate.MissingField, "The sale is null."));
                continue;
            }

            var error = Check(request, out var sale);
            if (error is not null)
            {
                outcomes[i] = new SaleOutcome(request.Id, SaleItemStatus.Rejected, null, error);
            }
            else
            {
                valid.Add((i, sale!));
            }
        }

        // Run in chunks, each its own write operation, so the writer can commit between them when its transaction
        // holds too many pages (a big store: StoreOptions.MaxTransactionPages). All chunks are queued at once, so on a
        // small store they still share one transaction, and once the first is queued all are (a cancelled request
        // does not leave a half-queued batch behind).
        cancellationToken.ThrowIfCancellationRequested();
        var chunks = valid.Chunk(ChunkSize)
            .Select(chunk => writer.WriteAsync(store => ApplyChunk(store, chunk, actor), CancellationToken.None))
            .ToArray();
        foreach (var applied in await Task.WhenAll(chunks))
        {
            foreach (var (index, outcome) in applied)
            {
                outcomes[index] = outcome;
            }
        }

        return outcomes.Select(o => o!).ToArray();
    }

    private List<(int Index, SaleOutcome Outcome)> ApplyChunk(IDocumentStore store, (int Index, ValidSale Sale)[] chunk, string actor)
    {
        // One lookup for every sale id of the chunk (replays are found, new ids remembered as absent).
        store.Set<Sale>().GetMany([.. chunk.Select(v => (object)v.Sale.Id)]);
        var results = new List<(int, SaleOutcome)>(chunk.Length);
        foreach (var (index, sale) in chunk)
        {
            var result = Apply(store, sale, actor);
            results.Add((index, result switch
            {
                { IsSuccess: true, Value.Replayed: false } => new SaleOutcome(sale.Id, SaleItemStatus.Created, result.Value, null),
                { IsSuccess: true } => new SaleOutcome(sale.Id, SaleItemStatus.Duplicate, result.Value, null),
                _ => new SaleOutcome(sale.Id, SaleItemStatus.Rejected, null, result.Error),
            }));
        }

        return results;
    }

    private Result<SaleReceipt> Apply(IDocumentStore store, ValidSale request, string actor)
    {
        var sales = store.Set<Sale>();
        var existing = sales.Get(request.Id);
        if (existing is not null)
        {
            return request.SameAs(existing)
                ? new SaleReceipt(existing.Id, existing.MemberExternalId, existing.PointsEarned, existing.BalanceAfter, existing.TierAfter, Replayed: true)
                : SaleErrors.Conflict(request.Id);
        }

        var members = store.Set<Member>();
        var member = FindMember(members, request.MemberExternalId);
        if (member is null)
        {
            return MemberErrors.Unknown(request.MemberExternalId, "memberExternalId");
        }

        if (member.Status == MemberStatus.Blocked)
        {
            return MemberErrors.Blocked(request.MemberExternalId, "memberExternalId");
        }

        var now = time.GetUtcNow();
        var year = calendar.YearOf(request.OccurredAt);
        var unitsSet = store.Set<MemberUnits>();
        var unitsKey = MemberUnits.KeyOf(member.Id, year);
        var unitsBefore = unitsSet.Get(unitsKey)?.Units ?? 0;
        var unitsAfter = unitsBefore + request.Units;
        var points = rule.PointsFor(unitsBefore, request.Units);
        var sourceRef = LedgerKeyOf(request.Id);

        if (points != 0)
        {
            var posting = new LedgerPosting(member.Id, LedgerEntryKind.SaleAccrual, points,
                $"Sale of {request.Units} × {request.Sku}", sourceRef, sourceRef, actor);
            var appended = ledger.Append(store, posting, keyIsFresh: true);
            if (!appended.IsSuccess)
            {
                return appended.Error;
            }
        }

        unitsSet.Upsert(new MemberUnits { Id = unitsKey, MemberId = member.Id, Year = year, Units = unitsAfter });
        member = members.Get(member.Id)!;
        var currentYear = calendar.YearOf(now);
        TierChange? tierChange = null;
        if (year == currentYear)
        {
            var newTier = tiers.TierFor(unitsAfter);
            if (newTier != member.Tier)
            {
                tierChange = new TierChange
                {
                    Id = StoreIds.New(),
                    MemberId = member.Id,
                    From = member.Tier,
                    To = newTier,
                    Year = year,
                    SourceRef = sourceRef,
                    At = now,
                };
                store.Set<TierChange>().Insert(tierChange);
                member = member with { Tier = newTier };
                members.Update(member);
            }
        }

        var tierNow = year == currentYear
            ? member.Tier
            : tiers.TierFor(unitsSet.Get(MemberUnits.KeyOf(member.Id, currentYear))?.Units ?? 0);
        var sale = new Sale
        {
            Id = request.Id,
            MemberId = member.Id,
            MemberExternalId = member.ExternalId,
            Sku = request.Sku,
            Units = request.Units,
            OccurredAt = request.OccurredAt,
            Amount = request.Amount,
            Year = year,
            RecordedAt = now,
            Actor = actor,
            PointsEarned = points,
            BalanceAfter = member.Balance,
            TierAfter = tierNow,
        };
        sales.Insert(sale);
        foreach (var observer in _observers)
        {
            observer.OnSaleRecorded(store, sale, member, tierChange);
        }

        // Observers may credit more (a SPIFF, an achievement, a referral bonus): the stored sale keeps the balance
        // its receipt reports, so a replay answers exactly what the first call did.
        var balance = members.Get(member.Id)!.Balance;
        if (balance != sale.BalanceAfter)
        {
            sales.Update(sale with { BalanceAfter = balance });
        }

        return new SaleReceipt(sale.Id, sale.MemberExternalId, points, balance, tierNow, Replayed: false);
    }

    private Member? FindMember(IDocumentSet<Member> members, string externalId)
    {
        if (_memberIds.TryGetValue(externalId, out var id))
        {
            if (members.Get(id) is { } cached)
            {
                return cached;
            }

            _memberIds.TryRemove(externalId, out _);
        }

        var member = members.FindOne(m => m.ExternalId == externalId);
        if (member is not null)
        {
            _memberIds[externalId] = member.Id;
        }

        return member;
    }

    private DomainError? Check(SaleRequest request, out ValidSale? sale)
    {
        sale = null;
        var idError = Validate.Text("id", request.Id, 128, out var id);
        var memberError = Validate.Text("memberExternalId", request.MemberExternalId, 64, out var memberExternalId);
        var skuError = Validate.Text("sku", request.Sku, 64, out var sku);
        var error = idError ?? memberError ?? skuError;
        if (error is not null)
        {
            return error;
        }

        if (request.Units is not { } units)
        {
            return DomainError.Invalid("units", Validate.MissingField, "'units' is required.");
        }

        if (units is <= 0 or > MaxUnits)
        {
            return DomainError.Invalid("units", Validate.OutOfRange, $"'units' must be between 1 and {MaxUnits:N0}.");
        }

        if (request.OccurredAt is not { } occurredAt)
        {
            return DomainError.Invalid("occurredAt", Validate.MissingField, "'occurredAt' is required.");
        }

        var utc = occurredAt.ToUniversalTime();
        utc = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        if (utc.Year < 2000 || utc > time.GetUtcNow().AddDays(1))
        {
            return DomainError.Invalid("occurredAt", Validate.OutOfRange, "'occurredAt' must be on or after 2000-01-01 and at most one day ahead of now.");
        }

        if (request.Amount is { } amount && (amount < 0 || amount > 1_000_000_000_000m))
        {
            return DomainError.Invalid("amount", Validate.OutOfRange, "'amount' must be between 0 and 1,000,000,000,000.");
        }

        sale = new ValidSale(id, memberExternalId, sku, units, utc, request.Amount);
        return null;
    }
}
