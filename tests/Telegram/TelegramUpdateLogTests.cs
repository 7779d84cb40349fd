using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Telegram;

public sealed class TelegramUpdateLogTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-06-15T09:00:00Z"));
    private readonly LiteStore _store;
    private readonly StoreWriter _writer;
    private readonly TelegramUpdateLog _log;

    public TelegramUpdateLogTests()
    {
        _store = new LiteStore(_folder.File("updates.db"), [new TelegramSchema()]);
        _writer = new StoreWriter(_store, new StoreOptions(), NullLogger<StoreWriter>.Instance);
        _log = new TelegramUpdateLog(_writer, _clock);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_update_id_can_be_claimed_once()
    {
        Assert.True(await _log.TryClaimAsync(231999258, CancellationToken.None));
        Assert.False(await _log.TryClaimAsync(231999258, CancellationToken.None));
        Assert.True(await _log.TryClaimAsync(231999259, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_id_let_exactly_one_through()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _log.TryClaimAsync(42, CancellationToken.None)));

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task Ids_older_than_the_retention_are_forgotten()
    {
        await _log.TryClaimAsync(1, CancellationToken.None);
        _clock.Advance(TelegramUpdateLog.Retention + TimeSpan.FromHours(2));

        await _log.TryClaimAsync(2, CancellationToken.None);

        Assert.Null(_store.Set<ProcessedTelegramUpdate>().Get(1L));
        Assert.NotNull(_store.Set<ProcessedTelegramUpdate>().Get(2L));
    }
}
