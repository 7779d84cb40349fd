using LoyaltyBot.Tests.Support;
using static LoyaltyBot.Tests.Rewards.RewardsScenario;

namespace LoyaltyBot.Tests.Rewards;

/// <summary>«не хватает» / «бракує» take the genitive: «не хватает 1 балла», «бракує 5 балів».</summary>
public sealed class RewardShortfallChatTests : IDisposable
{
    private readonly RewardsScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task A_member_one_point_short_reads_the_genitive_in_the_catalog_and_on_the_card()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 1.5m);
        var reward = await _scenario.Reward(costPoints: 2.5m, name: "Фирменная кружка");

        var list = Text(await member.Say("/rewards"));
        var card = Text(await member.Press($"rw:s:{reward}:1"));

        Assert.Contains("🔒 Фирменная кружка — 2,5 балла (не хватает 1 балла)", list);
        Assert.Contains("Сейчас получить нельзя: не хватает 1 балла.", card);
    }

    [Theory]
    [InlineData("ru", 1, "не хватает 1 балла")]
    [InlineData("ru", 2, "не хватает 2 баллов")]
    [InlineData("ru", 5, "не хватает 5 баллов")]
    [InlineData("ru", 11, "не хватает 11 баллов")]
    [InlineData("ru", 21, "не хватает 21 балла")]
    [InlineData("ru", 1.5, "не хватает 1,5 балла")]
    [InlineData("uk", 1, "бракує 1 бала")]
    [InlineData("uk", 2, "бракує 2 балів")]
    [InlineData("uk", 5, "бракує 5 балів")]
    [InlineData("uk", 11, "бракує 11 балів")]
    [InlineData("uk", 21, "бракує 21 бала")]
    [InlineData("uk", 1.5, "бракує 1,5 бала")]
    [InlineData("en", 1, "1 point short")]
    [InlineData("en", 2, "2 points short")]
    [InlineData("en", 21, "21 points short")]
    public async Task The_shortfall_in_the_catalog_agrees_with_the_number_in_the_members_language(string language, double shortfall, string expected)
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 100, language: language);
        await _scenario.Reward(costPoints: 100 + (decimal)shortfall, name: "Кружка");

        var list = Text(await member.Say("/rewards"));

        Assert.Contains($"({expected})", list);
    }

    [Fact]
    public async Task A_redemption_refused_for_lack_of_points_names_the_shortfall_in_the_genitive()
    {
        var member = await _scenario.LinkedChat("D-1", "1001", points: 1000);
        var reward = await _scenario.Reward(costPoints: 1000);
        var confirm = await member.Press($"rw:c:{reward}:1");
        await _scenario.Adjust("D-1", -21);

        var refused = Text(await member.Press(PayloadStarting(confirm, "rw:y:")));

        Assert.Contains("Для этой награды не хватает 21 балла.", refused);
        Assert.Equal(979, await _scenario.Balance("D-1"));
    }
}
