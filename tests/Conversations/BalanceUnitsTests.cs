using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Conversations;

/// <summary>/balance names units sold and units to go with the plural form of the member's language.</summary>
public sealed class BalanceUnitsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-06-15T09:00:00Z"));
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public BalanceUnitsTests()
    {
        _api = new ApiFactory(_folder.File("loyalty.db"), _clock);
        _client = _api.Admin();
    }

    public void Dispose()
    {
        _api.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("en", 1, "Sold this year: 1 unit", "0% — 1,000 units to go to Silver")]
    [InlineData("en", 2, "Sold this year: 2 units", "0% — 999 units to go to Silver")]
    [InlineData("en", 1000, "Sold this year: 1,000 units", "99% — 1 unit to go to Silver")]
    [InlineData("ru", 1, "Продано в этом году: 1 ед.", "0 % — до уровня Silver осталось 1 000 ед.")]
    [InlineData("ru", 980, "Продано в этом году: 980 ед.", "97 % — до уровня Silver осталось 21 ед.")]
    [InlineData("uk", 1000, "Продано цього року: 1 000 од.", "99 % — до рівня Silver залишилося 1 од.")]
    public async Task Balance_names_units_with_the_plural_form_of_the_members_language(string language, long units, string sold, string progress)
    {
        var chat = await LinkedAsync("D-1", language);
        await _client.PostSale("S-1", "D-1", units, _clock.GetUtcNow());

        var lines = ChatDriver.AllText(await chat.Say("/balance")).Replace('\u00A0', ' ').Replace('\u202F', ' ').Split('\n');

        Assert.Contains(sold, lines);
        Assert.Contains(lines, line => line.EndsWith(progress, StringComparison.Ordinal));
    }

    private async Task<ChatDriver> LinkedAsync(string externalId, string language)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/members", new { externalId, name = "ООО Ромашка", language });
        var chat = new ChatDriver(_api.Services, languageHint: language);
        await chat.Say((await response.Json()).GetProperty("joinCode").GetString()!);
        return chat;
    }
}
