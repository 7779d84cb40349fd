using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Tests.Localization;

public sealed class TextsTests
{
    [Theory]
    [InlineData("ru", 1, "1 балл")]
    [InlineData("ru", 2, "2 балла")]
    [InlineData("ru", 5, "5 баллов")]
    [InlineData("ru", 11, "11 баллов")]
    [InlineData("ru", 21, "21 балл")]
    [InlineData("ru", 22, "22 балла")]
    [InlineData("ru", 112, "112 баллов")]
    [InlineData("ru", 1250, "1 250 баллов")]
    [InlineData("ru", 1.5, "1,5 балла")]
    [InlineData("uk", 1, "1 бал")]
    [InlineData("uk", 3, "3 бали")]
    [InlineData("uk", 5, "5 балів")]
    [InlineData("uk", 1.5, "1,5 бала")]
    [InlineData("en", 1, "1 point")]
    [InlineData("en", 2, "2 points")]
    [InlineData("en", 1250, "1,250 points")]
    public void Points_use_the_plural_form_and_number_format_of_the_language(string language, double amount, string expected)
    {
        var text = Texts.For(language).Points((decimal)amount);
        Assert.Equal(expected, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Theory]
    [InlineData("ru", 12.5, "12,5 %")]
    [InlineData("uk", 1234, "1 234 %")]
    [InlineData("en", 12.5, "12.5%")]
    [InlineData("en", 1234, "1,234%")]
    public void Percentages_use_the_number_format_and_percent_sign_of_the_language(string language, double value, string expected)
    {
        Assert.Equal(expected, Texts.For(language).Percent((decimal)value).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Every_text_exists_in_russian_ukrainian_and_english()
    {
        Assert.NotEmpty(Texts.ResourceSets);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manager in Texts.ResourceSets)
        {
            var russian = Keys(manager, CultureInfo.InvariantCulture);
            Assert.NotEmpty(russian);
            Assert.Equal(russian, Keys(manager, CultureInfo.GetCultureInfo("uk")));
            Assert.Equal(russian, Keys(manager, CultureInfo.GetCultureInfo("en")));
            Assert.All(russian, key => Assert.True(all.Add(key), $"The key {key} is defined in two resource sets."));
        }
    }

    [Fact]
    public void Every_text_has_the_same_placeholders_and_markup_in_every_language_and_none_is_empty()
    {
        foreach (var manager in Texts.ResourceSets)
        {
            var russian = Entries(manager, CultureInfo.InvariantCulture);
            foreach (var language in new[] { "uk", "en" })
            {
                var translated = Entries(manager, CultureInfo.GetCultureInfo(language));
                foreach (var (key, text) in russian)
                {
                    Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in ru.");
                    var other = translated.GetValueOrDefault(key);
                    Assert.False(string.IsNullOrWhiteSpace(other), $"{key} is empty in {language}.");
                    Assert.True(Placeholders(text).SequenceEqual(Placeholders(other!)), $"{key}: the placeholders in {language} differ from ru.");
                    Assert.True(Tags(text).SequenceEqual(Tags(other!)), $"{key}: the markup in {language} differs from ru.");
                }
            }
        }
    }

    [Fact]
    public void Arguments_of_rich_texts_are_escaped()
    {
        var text = Texts.For("ru").Rich("Join.Welcome", "<script>alert(1)</script> & \"Co\"");
        Assert.DoesNotContain("<script>", text.Html);
        Assert.Contains("&lt;script&gt;", text.Html);
        Assert.Contains("&amp;", text.Html);
    }

    [Fact]
    public void Relative_dates_are_in_the_language()
    {
        var now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
        Assert.Equal("3 дня назад", Texts.For("ru").Ago(now.AddDays(-3), now));
        Assert.Equal("3 дні тому", Texts.For("uk").Ago(now.AddDays(-3), now));
        Assert.Equal("3 days ago", Texts.For("en").Ago(now.AddDays(-3), now));
        Assert.Equal("через 3 дня", Texts.For("ru").In(now.AddDays(3), now));
        Assert.Equal("через 3 дні", Texts.For("uk").In(now.AddDays(3), now));
        Assert.Equal("через 5 днів", Texts.For("uk").In(now.AddDays(5), now));
        Assert.Equal("2 дня", Texts.For("ru").Duration(TimeSpan.FromDays(2)));
        Assert.Equal("2 дні", Texts.For("uk").Duration(TimeSpan.FromDays(2)));
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{[^{}]*\}").Select(m => m.Value).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Tags(string text) =>
        Regex.Matches(text, @"</?[a-z]+\b[^>]*>").Select(m => m.Value).Order(StringComparer.Ordinal);

    private static Dictionary<string, string?> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);
    }

    private static SortedSet<string> Keys(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}");
        return new SortedSet<string>(set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key), StringComparer.Ordinal);
    }
}
