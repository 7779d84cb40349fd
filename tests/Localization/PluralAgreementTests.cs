using System.Collections;
using System.Globalization;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Tests.Localization;

/// <summary>Plural forms beyond the nominative: the genitive after «не хватает», units, recipients, a verb that agrees.</summary>
public sealed class PluralAgreementTests
{
    [Theory]
    [InlineData("ru", 1, "1 балла")]
    [InlineData("ru", 2, "2 баллов")]
    [InlineData("ru", 5, "5 баллов")]
    [InlineData("ru", 11, "11 баллов")]
    [InlineData("ru", 21, "21 балла")]
    [InlineData("ru", 22, "22 баллов")]
    [InlineData("ru", 1.5, "1,5 балла")]
    [InlineData("uk", 1, "1 бала")]
    [InlineData("uk", 2, "2 балів")]
    [InlineData("uk", 5, "5 балів")]
    [InlineData("uk", 11, "11 балів")]
    [InlineData("uk", 21, "21 бала")]
    [InlineData("uk", 1.5, "1,5 бала")]
    [InlineData("en", 1, "1 point")]
    [InlineData("en", 2, "2 points")]
    [InlineData("en", 1.5, "1.5 points")]
    public void Points_in_the_genitive_agree_with_the_number(string language, double amount, string expected)
    {
        Assert.Equal(expected, Plain(Texts.For(language).PointsGenitive((decimal)amount)));
    }

    [Theory]
    [InlineData("ru", 1, "1 ед.")]
    [InlineData("ru", 21, "21 ед.")]
    [InlineData("uk", 2, "2 од.")]
    [InlineData("uk", 5, "5 од.")]
    [InlineData("en", 1, "1 unit")]
    [InlineData("en", 2, "2 units")]
    [InlineData("en", 21, "21 units")]
    [InlineData("en", 1000, "1,000 units")]
    public void Units_have_a_plural_form_in_every_language(string language, long units, string expected)
    {
        Assert.Equal(expected, Plain(Texts.For(language).Quantity("Units", units)));
    }

    [Theory]
    [InlineData("ru", 1, "1 получатель")]
    [InlineData("ru", 2, "2 получателя")]
    [InlineData("ru", 5, "5 получателей")]
    [InlineData("ru", 11, "11 получателей")]
    [InlineData("ru", 21, "21 получатель")]
    [InlineData("uk", 1, "1 отримувач")]
    [InlineData("uk", 2, "2 отримувачі")]
    [InlineData("uk", 5, "5 отримувачів")]
    [InlineData("uk", 21, "21 отримувач")]
    [InlineData("en", 1, "1 recipient")]
    [InlineData("en", 2, "2 recipients")]
    [InlineData("en", 21, "21 recipients")]
    public void Broadcast_recipients_have_a_plural_form_in_every_language(string language, int recipients, string expected)
    {
        Assert.Equal(expected, Plain(Texts.For(language).Quantity("Broadcasts.Recipients", recipients)));
    }

    [Fact]
    public void A_plural_form_can_be_taken_without_its_number()
    {
        var russian = Texts.For("ru");

        Assert.Equal("баллов", russian.PluralForm("Points", 5));
        Assert.Equal("балл", russian.PluralForm("Points", 21));
    }

    [Fact]
    public void Every_plural_text_has_the_four_forms_one_few_many_other()
    {
        // Every Plural.* key, and every other text written as forms (Contests.TimeLeft.*), in every resource set.
        var keys = Texts.ResourceSets
            .SelectMany(m => m.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>())
            .Where(e => ((string)e.Key).StartsWith("Plural.", StringComparison.Ordinal) || ((string?)e.Value)?.Contains('|') == true)
            .Select(e => (string)e.Key)
            .ToArray();
        Assert.Contains("Plural.Points", keys);
        Assert.Contains("Contests.TimeLeft.Day", keys);
        foreach (var language in new[] { "ru", "uk", "en" })
        {
            foreach (var key in keys)
            {
                var forms = Texts.For(language)[key].Split('|');
                Assert.True(forms.Length == 4, $"{key} in {language} does not have four forms.");
                Assert.All(forms, form => Assert.False(string.IsNullOrWhiteSpace(form), $"{key} in {language} has an empty form."));
            }
        }
    }

    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
