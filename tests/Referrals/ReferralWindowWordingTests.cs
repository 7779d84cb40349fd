using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Referrals;

namespace LoyaltyBot.Tests.Referrals;

public sealed class ReferralWindowWordingTests
{
    [Theory]
    [InlineData("ru", 1, "1 дня")]
    [InlineData("ru", 2, "2 дней")]
    [InlineData("ru", 5, "5 дней")]
    [InlineData("ru", 11, "11 дней")]
    [InlineData("ru", 21, "21 дня")]
    [InlineData("ru", 22, "22 дней")]
    [InlineData("ru", 90, "90 дней")]
    [InlineData("uk", 1, "1 дня")]
    [InlineData("uk", 2, "2 днів")]
    [InlineData("uk", 5, "5 днів")]
    [InlineData("uk", 21, "21 дня")]
    [InlineData("en", 1, "1 day")]
    [InlineData("en", 21, "21 days")]
    public void The_qualifying_window_reads_in_the_genitive_after_within(string language, int days, string expected)
    {
        var options = new ReferralOptions { QualifyingWindowDays = days };
        var notices = new ReferralNotices(options, new ReferralRegions(options));

        Assert.Equal(expected, notices.Days(Texts.For(language)));
    }

    [Fact]
    public async Task The_invitation_card_says_within_21_days_in_the_genitive()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?> { ["Referrals:QualifyingWindowDays"] = "21" });
        var partner = await s.Member("P-1", "1001");

        var card = ReferralScenario.Text(await partner.Say("/invite"));

        Assert.Contains("в течение 21 дня после одобрения", card);
    }
}
