using LoyaltyBot.Core.Reports;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// The KPI report's referral conversion for a period [from, to): the chats invited in it (their first link or first
/// application), how many of those had submitted an application by <c>to</c> and how many had qualified by then. A
/// cohort, so a rate never exceeds 1: <c>registeredRate</c> = registered / invited, <c>qualifiedRate</c> = qualified /
/// registered. Chats are counted as in <c>GET /api/v1/referrals/stats</c>. Null while the program has no referral data.
/// </summary>
public sealed class ReferralFunnel(IDocumentStore store) : IReferralFunnel
{
    public ReferralConversion? For(DateTimeOffset from, DateTimeOffset to)
    {
        var attributions = store.Set<ReferralAttribution>().All().ToDictionary(a => a.Id, a => a.At, StringComparer.Ordinal);
        var applications = store.Set<ReferralApplication>().All().ToLookup(a => a.ApplicantIdentityId, StringComparer.Ordinal);
        if (attributions.Count == 0 && applications.Count == 0)
        {
            return null;
        }

        var cohort = attributions.Keys.Union(applications.Select(g => g.Key), StringComparer.Ordinal)
            .Where(chat => InvitedAt(chat) is var at && at >= from && at < to)
            .ToArray();
        var registered = cohort.Count(chat => applications[chat].Any(a => a.CreatedAt < to));
        var qualified = cohort.Count(chat => applications[chat].Any(a => a.QualifiedAt < to));
        return new ReferralConversion(cohort.Length, registered, qualified, Rate(registered, cohort.Length), Rate(qualified, registered));

        DateTimeOffset InvitedAt(string chat)
        {
            var firstApplication = applications[chat].Select(a => a.CreatedAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            return attributions.TryGetValue(chat, out var linked) && linked < firstApplication ? linked : firstApplication;
        }
    }

    /// <summary>A fraction with four decimals, as the report's other rates; null for an empty whole.</summary>
    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
