using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Resources;
using Humanizer;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Localization;

/// <summary>
/// Every user-facing text, from the resource files (<c>Strings.resx</c> = Russian, <c>.uk</c>, <c>.en</c>),
/// with culture-aware numbers, plural forms and relative dates. Missing keys fall back to Russian.
/// </summary>
public sealed class Texts
{
    private const string ResourcePrefix = "LoyaltyBot.Core.Localization.";

    /// <summary>
    /// <c>Strings</c> holds the shared texts; each feature may add its own resource set next to it
    /// (<c>Rewards.resx</c>, <c>Rewards.uk.resx</c>, <c>Rewards.en.resx</c>…). Keys are unique across sets.
    /// </summary>
    private static readonly ResourceManager[] Resources = typeof(Texts).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".resources", StringComparison.Ordinal))
        .Select(n => n[..^".resources".Length])
        .OrderBy(n => n == ResourcePrefix + "Strings" ? 0 : 1)
        .ThenBy(n => n, StringComparer.Ordinal)
        .Select(n => new ResourceManager(n, typeof(Texts).Assembly))
        .ToArray();

    /// <summary>The base names of all resource sets (for completeness checks).</summary>
    public static IReadOnlyList<ResourceManager> ResourceSets => Resources;
    private static readonly ConcurrentDictionary<string, Texts> Cache = new();

    private Texts(string language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static Texts For(string? language) =>
        Cache.GetOrAdd(Languages.IsSupported(language) ? language! : Languages.Default, l => new Texts(l));

    /// <summary>The raw text of a key (it may contain the safe markup of <see cref="RichText"/>).</summary>
    public string this[string key]
    {
        get
        {
            foreach (var resources in Resources)
            {
                if (resources.GetString(key, Culture) is { } text)
                {
                    return text;
                }
            }

            throw new KeyNotFoundException($"No text has the key '{key}'.");
        }
    }

    /// <summary>The text of a key, or null when no resource set has it.</summary>
    public string? TryGet(string key)
    {
        foreach (var resources in Resources)
        {
            if (resources.GetString(key, Culture) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Plain text with arguments formatted in this language.</summary>
    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    /// <summary>Rich text: the resource is trusted markup, every argument is escaped.</summary>
    public RichText Rich(string key, params object[] args) =>
        new(string.Format(Culture, this[key], args.Select(a => (object)WebUtility.HtmlEncode(Convert.ToString(a, Culture) ?? string.Empty)).ToArray()));

    /// <summary>"1 250" in ru/uk, "1,250" in en; up to two decimals when there are any.</summary>
    public string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", Culture);

    public string Number(long value) => value.ToString("#,0", Culture);

    /// <summary>"12,5 %" in ru/uk, "12.5%" in en (<paramref name="value"/> is already in percent).</summary>
    public string Percent(decimal value) => Format("Common.Percent", Number(value));

    /// <summary>A number with the right plural form of the noun in <c>Plural.{noun}</c>: "1 балл", "2 балла", "5 баллов".</summary>
    public string Quantity(string noun, decimal value) => $"{Number(value)} {PluralForm(noun, value)}";

    /// <summary>
    /// The form in <c>Plural.{word}</c> ("one|few|many|other") that agrees with <paramref name="value"/>, without the number:
    /// a verb that agrees with a quantity ("сгорит", "сгорят"), or a noun placed apart from its number.
    /// </summary>
    public string PluralForm(string word, decimal value)
    {
        var forms = this[$"Plural.{word}"].Split('|');
        return forms[Math.Min(PluralRules.FormIndex(Language, value), forms.Length - 1)];
    }

    public string Points(decimal value) => Quantity("Points", value);

    /// <summary>Points in the genitive, for «не хватает 1 балла / 2 баллов», «бракує 1 бала / 2 балів»; English is unchanged.</summary>
    public string PointsGenitive(decimal value) => Quantity("PointsGenitive", value);

    /// <summary>The calendar date of a moment in a time zone (the program's, not UTC), in the reader's short format: «15.07.2026», "7/15/2026".</summary>
    public string Date(DateTimeOffset moment, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(moment, zone).ToString("d", Culture);

    /// <summary>"3 дня назад", "3 days ago".</summary>
    public string Ago(DateTimeOffset moment, DateTimeOffset now) => moment.Humanize(now, Culture);

    /// <summary>"через 5 минут", "in 5 minutes".</summary>
    public string In(DateTimeOffset moment, DateTimeOffset now) => moment.Humanize(now, Culture);

    /// <summary>"2 дня", "2 days".</summary>
    public string Duration(TimeSpan span) => span.Humanize(culture: Culture, minUnit: TimeUnit.Minute);
}
