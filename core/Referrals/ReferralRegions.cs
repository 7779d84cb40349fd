using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// The regions a newcomer picks from, and how each reads in a language. A region is stored (on the application, then
/// on the member it creates) as its configured name — for the built-in list the Russian one, «Киев» — the same value
/// members get through the API and contest, broadcast and SPIFF audiences match, so the API and every store shows one
/// value per region; people read it in their language («Київ», «Kyiv») in chat.
/// </summary>
public sealed class ReferralRegions(ReferralOptions options)
{
    // Russian name (as stored) → resource key of the built-in regions.
    private readonly Dictionary<string, string> _builtIn = ReferralOptions.DefaultRegions
        .Zip(ReferralOptions.DefaultRegionKeys)
        .ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, Dictionary<string, string>> _configured = (options.RegionNames ?? [])
        .ToDictionary(
            region => region.Key.Trim(),
            region => new Dictionary<string, string>(region.Value ?? [], StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>The regions as stored, in the order of the buttons.</summary>
    public IReadOnlyList<string> All => options.EffectiveRegions;

    /// <summary>
    /// The stored <paramref name="region"/> as its reader sees it: the configured name for the language, else the
    /// built-in translation, else the region as stored (also for regions no longer in the list).
    /// </summary>
    public string Display(string region, Texts texts)
    {
        if (_configured.TryGetValue(region, out var names) && names.TryGetValue(texts.Language, out var configured) && configured.Trim().Length > 0)
        {
            return configured.Trim();
        }

        return texts.Language != Languages.Russian && _builtIn.TryGetValue(region, out var key)
            ? texts[ReferralOptions.ResourceKeyOf(key)]
            : region;
    }

    /// <summary>The stored region a typed name means, in any language and case; null when it is none of the list.</summary>
    public string? Find(string? typed)
    {
        var text = typed?.Trim() ?? string.Empty;
        return text.Length == 0
            ? null
            : All.FirstOrDefault(region => Languages.All.Any(language =>
                string.Equals(Display(region, Texts.For(language)), text, StringComparison.OrdinalIgnoreCase)));
    }
}
