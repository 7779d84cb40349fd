using LoyaltyBot.Core.Rewards;
using Microsoft.Net.Http.Headers;

namespace LoyaltyBot.Api.Rewards;

/// <summary>
/// A reward's <see cref="Reward.Version"/> as an HTTP entity tag: responses carry it as <c>ETag</c>, and a
/// <c>PUT</c> with <c>If-Match</c> replaces only that version (an edit from an older read would write its stock back
/// over units redeemed since).
/// </summary>
public static class RewardETag
{
    public static string Of(Reward reward) => $"\"{reward.Version}\"";

    /// <summary>Sets the reward's ETag on the response.</summary>
    public static void Write(HttpContext context, Reward reward) => context.Response.Headers.ETag = Of(reward);

    /// <summary>
    /// The versions <c>If-Match</c> accepts: null without the header (or with <c>*</c>), else every strong tag that is a
    /// version of ours (RFC 9110: the edit goes ahead when any of them is current). Weak or foreign tags match nothing,
    /// so a header with only those refuses the edit.
    /// </summary>
    public static IReadOnlySet<long>? Expected(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0)
        {
            return null;
        }

        var tags = request.GetTypedHeaders().IfMatch;
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var versions = new HashSet<long>();
        foreach (var tag in tags.Where(t => !t.IsWeak))
        {
            var value = tag.Tag.Value;
            if (value is { Length: > 2 } && long.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }
}
