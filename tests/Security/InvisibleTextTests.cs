using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Tests.Contests;
using LoyaltyBot.Tests.Referrals;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Security;

/// <summary>Texts made only of invisible characters (zero-width spaces, joiners, bidi controls, BOM) count as empty.</summary>
public sealed class InvisibleTextTests
{
    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData(" \u200C\u200D ")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u3164")]
    public void A_required_text_with_nothing_visible_is_missing(string text)
    {
        Assert.Equal(Validate.MissingField, Validate.Text("companyName", text, 200, out _)?.Code);
        Assert.Null(Validate.OptionalText("region", text, 100, out var optional));
        Assert.Equal(string.Empty, optional);
    }

    [Theory]
    [InlineData("ООО «Ромашка»")]
    [InlineData("ТОВ «Їжачок і Ґудзик»")]
    [InlineData("👨‍👩‍👧 Семейный магазин")]
    [InlineData("👨‍👩‍👧")]
    [InlineData("\u200BА")]
    public void A_text_with_something_visible_is_kept_as_it_is(string text)
    {
        Assert.Null(Validate.Text("companyName", text, 200, out var kept));
        Assert.Equal(text, kept);
    }

    [Fact]
    public async Task A_company_name_of_zero_width_spaces_is_asked_again_in_the_referral_signup()
    {
        using var s = new ReferralScenario();
        var code = await ReferralScenario.InviteCode(await s.Member("P-1", "1001"));
        var newcomer = s.Chat("2001");
        await newcomer.Say($"/ref {code}");

        var reply = ReferralScenario.Text(await newcomer.Say("\u200B\u200B"));

        Assert.Contains("Напишите, пожалуйста, название компании текстом", reply);
        Assert.Contains("Шаг 1 из 3", reply);
        Assert.DoesNotContain("Шаг 2 из 3", reply);
    }

    [Fact]
    public async Task A_contest_title_of_zero_width_spaces_is_a_400_missing_field()
    {
        await using var s = new ContestScenario();
        var body = s.ContestBody();
        body["title"] = new JsonObject { ["ru"] = "\u200B\u200B" };

        var response = await (await s.Manager()).PostAsJsonAsync("/api/v1/contests", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("title.ru", Validate.MissingField), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_member_name_of_zero_width_spaces_is_a_400_missing_field_like_an_empty_one()
    {
        using var folder = new TempFolder();
        using var api = new ApiFactory(folder.File("loyalty.db"));

        var response = await api.Admin().PostRaw("/api/v1/members", """{"externalId":"D-1","name":"\u200B\u200B"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(("name", Validate.MissingField), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }
}
