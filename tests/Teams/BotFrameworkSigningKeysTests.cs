using LoyaltyBot.Bot.Teams;
using LoyaltyBot.Tests.Fakes.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Teams;

public sealed class BotFrameworkSigningKeysTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private FakeBotFrameworkServer _fake = null!;
    private BotFrameworkSigningKeys _keys = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFrameworkServer.StartAsync();
        _keys = new BotFrameworkSigningKeys(
            new TeamsOptions { AppId = FakeBotFrameworkServer.AppId, OpenIdMetadataUrl = _fake.OpenIdMetadataUrl },
            _clock,
            NullLogger<BotFrameworkSigningKeys>.Instance);
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Published_keys_come_with_their_endorsements()
    {
        var key = await _keys.FindAsync("teams-key", CancellationToken.None);

        Assert.NotNull(key);
        Assert.Equal(["msteams", "webchat"], ConnectorTokenValidator.Endorsements(key.Published));
    }

    [Fact]
    public async Task Unknown_key_ids_make_the_keys_be_fetched_again_at_most_once_in_five_minutes()
    {
        await _keys.FindAsync("teams-key", CancellationToken.None);

        Assert.Null(await _keys.FindAsync("made-up-1", CancellationToken.None));
        Assert.Null(await _keys.FindAsync("made-up-2", CancellationToken.None));
        Assert.Equal(2, _fake.KeyRequests);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await _keys.FindAsync("made-up-3", CancellationToken.None));
        Assert.Equal(3, _fake.KeyRequests);
    }

    [Fact]
    public async Task The_keys_are_fetched_again_after_a_day()
    {
        await _keys.FindAsync("teams-key", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(23));
        await _keys.FindAsync("teams-key", CancellationToken.None);
        Assert.Equal(1, _fake.KeyRequests);

        _clock.Advance(TimeSpan.FromHours(1));
        await _keys.FindAsync("teams-key", CancellationToken.None);

        Assert.Equal(2, _fake.KeyRequests);
    }

    [Fact]
    public async Task Metadata_that_cannot_be_fetched_is_an_io_failure_not_a_silent_pass()
    {
        using var unreachable = new BotFrameworkSigningKeys(
            new TeamsOptions { AppId = "x", OpenIdMetadataUrl = "http://127.0.0.1:9/nothing" }, _clock, NullLogger<BotFrameworkSigningKeys>.Instance);

        await Assert.ThrowsAsync<IOException>(() => unreachable.FindAsync("teams-key", CancellationToken.None));
    }

    [Fact]
    public async Task While_no_keys_were_ever_fetched_a_failed_fetch_is_tried_again_at_most_every_30_seconds()
    {
        _fake.MetadataUnavailable = true;
        await Assert.ThrowsAsync<IOException>(() => _keys.FindAsync("teams-key", CancellationToken.None));
        var requests = _fake.MetadataRequests;

        await Assert.ThrowsAsync<IOException>(() => _keys.FindAsync("made-up-1", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<IOException>(() => _keys.FindAsync("made-up-2", CancellationToken.None));
        Assert.Equal(requests, _fake.MetadataRequests);

        _fake.MetadataUnavailable = false;
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await _keys.FindAsync("teams-key", CancellationToken.None));
    }
}
