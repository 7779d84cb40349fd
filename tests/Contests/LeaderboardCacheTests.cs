using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LoyaltyBot.Tests.Contests;

public sealed class LeaderboardCacheTests : IDisposable
{
    private const string ContestId = "c1";
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-06-15T09:00:00Z");

    private readonly TempFolder _folder = new();
    private readonly LiteStore _store;
    private readonly StoreWriter _writer;
    private readonly LeaderboardCache _cache;
    private long _sequence;

    public LeaderboardCacheTests()
    {
        _store = new LiteStore(_folder.File("scores.db"), [new ContestSchema()]);
        _writer = new StoreWriter(_store, new StoreOptions(), NullLogger<StoreWriter>.Instance);
        _cache = new LeaderboardCache(_store);
    }

    [Fact]
    public async Task The_cached_standings_follow_every_committed_change_in_the_same_order_as_a_fresh_sort()
    {
        var random = new Random(3);
        for (var step = 0; step < 400; step++)
        {
            var member = $"m{random.Next(60)}";
            var current = _store.Set<ContestScore>().Get(ContestScore.KeyOf(ContestId, member));
            await Save(member, (current?.Score ?? 0) + random.Next(1, 4), T0.AddMinutes(random.Next(0, 30)));
            if (step % 7 == 0)
            {
                AssertSameAsFreshSort();
            }
        }

        AssertSameAsFreshSort();
    }

    [Fact]
    public async Task A_change_marked_before_its_commit_shows_once_it_is_committed_and_not_before()
    {
        await Save("a", 10, T0);
        await Save("b", 20, T0);
        Assert.Equal("b", _cache.Of(ContestId).AtPlace(1)!.MemberId);

        // The writer marks the member inside its transaction, before the commit makes the new score visible.
        var next = _sequence + 1;
        _cache.Touched(ContestId, "a", next);
        Assert.Equal(10m, _cache.Of(ContestId).Find("a")!.Score);

        await Save("a", 30, T0.AddMinutes(1));
        var board = _cache.Of(ContestId);
        Assert.Equal(("a", 30m), (board.AtPlace(1)!.MemberId, board.AtPlace(1)!.Score));
        Assert.Equal(2, board.Find("b")!.Place);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    private async Task Save(string member, decimal score, DateTimeOffset at)
    {
        var sequence = ++_sequence;
        await _writer.WriteAsync(store =>
        {
            store.Set<ContestScore>().Upsert(new ContestScore
            {
                Id = ContestScore.KeyOf(ContestId, member),
                ContestId = ContestId,
                MemberId = member,
                Score = score,
                ReachedAt = at,
                Sequence = sequence,
            });
            _cache.Touched(ContestId, member, sequence);
            return true;
        });
    }

    private void AssertSameAsFreshSort()
    {
        var fresh = Leaderboard.From(ContestId, _store.Set<ContestScore>().Find(s => s.ContestId == ContestId));
        var cached = _cache.Of(ContestId);
        Assert.Equal(fresh.Rows, cached.Rows);
        Assert.All(fresh.Rows, row => Assert.Equal(row, cached.Find(row.MemberId)));
    }
}
