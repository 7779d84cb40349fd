using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>Region buttons read in the newcomer's language; the stored region is one value per region (its Russian name).</summary>
public sealed class ReferralRegionTests : IDisposable
{
    private readonly ReferralScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_ukrainian_newcomer_sees_the_regions_in_ukrainian_and_the_application_stores_the_same_region_for_everyone()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = new ChatDriver(_s.Api.Services, "2001", languageHint: "uk");
        await newcomer.Say($"/ref {code}");

        var regions = await newcomer.Say("ТОВ «Ромашка»");

        var labels = ChatDriver.AllButtons(regions).Select(b => b.Label).ToArray();
        Assert.Equal(["Москва", "Санкт-Петербург", "Новосибірськ", "Єкатеринбург", "Казань", "Нижній Новгород", "Київ", "Харків", "Одеса", "Дніпро", "Львів", "Інший регіон"], labels[..12]);
        var chosen = await newcomer.Press(ReferralScenario.Button(regions, "Київ"));
        Assert.Contains("Регіон: Київ", ReferralScenario.Text(chosen));
        var confirm = await newcomer.Say("067 123 45 67");
        Assert.Contains("Регіон: Київ", ReferralScenario.Text(confirm));
        await newcomer.Press(ReferralScenario.Button(confirm, "✅ Надіслати заявку"));

        var application = Assert.Single(await _s.Applications("pending"));
        Assert.Equal("Киев", application.GetProperty("region").GetString());
        Assert.Contains("«ТОВ «Ромашка»» (Киев)", await _s.DeliveredTo("1001", "зарегистрировалась"));
    }

    [Fact]
    public async Task An_english_newcomer_sees_english_regions_and_may_type_one_in_any_language()
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        var newcomer = new ChatDriver(_s.Api.Services, "2001", languageHint: "en");
        await newcomer.Say($"/ref {code}");

        var regions = await newcomer.Say("Acme Ltd");
        Assert.Contains(ChatDriver.AllButtons(regions), b => b.Label == "Other region");
        var typed = await newcomer.Say("kyiv");

        Assert.Contains("Step 3 of 3", ReferralScenario.Text(typed));
        var confirm = await newcomer.Say("+380671234567");
        Assert.Contains("Region: Kyiv", ReferralScenario.Text(confirm));
    }

    [Fact]
    public void Configured_regions_read_in_the_configured_language_else_as_configured()
    {
        var options = new ReferralOptions
        {
            Regions = ["Север", "Юг", "Киев"],
            RegionNames = new() { ["Север"] = new() { ["uk"] = "Північ", ["en"] = "North" } },
        };
        var regions = new ReferralRegions(options);
        var uk = Texts.For("uk");

        Assert.Equal(["Північ", "Юг", "Київ"], regions.All.Select(r => regions.Display(r, uk)));
        Assert.Equal(["Север", "Юг", "Киев"], regions.All.Select(r => regions.Display(r, Texts.For("ru"))));
        Assert.Equal("Север", regions.Find("north"));
        Assert.Equal("Киев", regions.Find("КИЇВ"));
        Assert.Null(regions.Find("Атлантида"));
    }

    [Fact]
    public async Task Region_names_for_configured_regions_come_from_configuration()
    {
        using var s = new ReferralScenario(new Dictionary<string, string?>
        {
            ["Referrals:Regions:0"] = "Север",
            ["Referrals:Regions:1"] = "Юг",
            ["Referrals:RegionNames:Север:uk"] = "Північ",
            ["Referrals:RegionNames:Юг:uk"] = "Південь",
        });
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        var newcomer = new ChatDriver(s.Api.Services, "2001", languageHint: "uk");
        await newcomer.Say($"/ref {code}");

        var regions = await newcomer.Say("ТОВ «Ромашка»");

        Assert.Equal(["Північ", "Південь", "Скасувати"], ChatDriver.AllButtons(regions).Select(b => b.Label));
    }
}
