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
    /// The version <c>If-Match</c> asks for: null without the header (or with <c>*</c>), else the tagged version;
    /// a tag that is no version of ours is -1, which no reward has, so the edit is refused.
    /// </summary>
    public static long? Expected(HttpRequest request)
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

        foreach (var tag in tags.Where(t => !t.IsWeak))
        {
            var value = tag.Tag.Value;
            if (value is { Length: > 2 } && long.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                return version;
            }
        }

        return -1;
    }
}
