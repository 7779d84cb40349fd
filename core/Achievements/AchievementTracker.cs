using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Achievements;

/// <summary>
/// Counts what members do and awards badges. <see cref="Record"/> is the one entry point: sales, redemptions and
/// quizzes call it already; the referrals and contests features call it with
/// <see cref="AchievementEvent.ReferralQualified"/> and <see cref="AchievementEvent.ContestWon"/>.
/// </summary>
public sealed class AchievementTracker(PointsLedger ledger, DeliveryOutbox outbox, TierLadder tiers, ProgramCalendar calendar, TimeProvider time)
{
    public const string SystemActor = "system";
    public const string Topic = "achievement";

    /// <summary>
    /// Inside a write operation: counts <paramref name="evt"/> for the member (once per source) and awards every active
    /// rule it completes, once each: the badge, its points (ledger key <c>achievement:{ruleId}:{memberId}</c>) and an
    /// announcement through the outbox. Returns the badges awarded now.
    /// </summary>
    public IReadOnlyList<MemberAchievement> Record(IDocumentStore store, string memberId, AchievementEvent evt)
    {
        var member = store.Set<Member>().Get(memberId);
        var seen = store.Set<RecordedAchievementEvent>();
        var eventKey = $"{memberId}:{evt.SourceRef}";
        // A sale reaches here only once (the recorder calls observers for new sales only), so sales need no
        // "seen" record; the other events can be reported twice and are deduplicated by their source.
        if (member is null || evt.Trigger != AchievementTrigger.Sale && seen.Get(eventKey) is not null)
        {
            return [];
        }

        if (evt.Trigger != AchievementTrigger.Sale)
        {
            seen.Insert(new RecordedAchievementEvent { Id = eventKey, At = time.GetUtcNow() });
        }
        var progressSet = store.Set<AchievementProgress>();
        var progress = progressSet.Get(memberId) ?? new AchievementProgress { Id = memberId };
        progress = evt.Trigger switch
        {
            AchievementTrigger.Sale => progress with { Sales = progress.Sales + 1, SaleMonths = AddMonth(progress.SaleMonths, evt.At) },
            AchievementTrigger.Redemption => progress with { Redemptions = progress.Redemptions + 1 },
            AchievementTrigger.QuizPassed => progress with { QuizzesPassed = progress.QuizzesPassed + 1 },
            AchievementTrigger.ReferralQualified => progress with { QualifiedReferrals = progress.QualifiedReferrals + 1 },
            _ => progress with { ContestWins = progress.ContestWins + 1 },
        };
        progressSet.Upsert(progress);

        var earned = store.Set<MemberAchievement>();
        var awarded = new List<MemberAchievement>();
        foreach (var rule in store.Derived<AchievementRule, AchievementRule[]>("active", rules => [.. rules.Find(r => r.IsActive)]))
        {
            var key = MemberAchievement.KeyOf(rule.Id, memberId);
            if (!IsMet(rule, progress, member.Tier) || earned.Get(key) is not null)
            {
                continue;
            }

            var badge = new MemberAchievement { Id = key, RuleId = rule.Id, MemberId = memberId, Name = rule.Name, Points = rule.Points, EarnedAt = time.GetUtcNow() };
            earned.Insert(badge);
            if (rule.Points > 0 && member.Status == MemberStatus.Active)
            {
                ledger.Append(store, new LedgerPosting(
                    memberId, LedgerEntryKind.Achievement, rule.Points, $"Achievement «{rule.Name}»", $"achievement:{rule.Id}", $"achievement:{key}", SystemActor));
            }

            outbox.EnqueueForMember(store, memberId, texts => Announcement(texts, rule), $"achievement:{key}", Topic);
            awarded.Add(badge);
        }

        return awarded;
    }

    /// <summary>How far the member is on a rule: (current, target), current capped at target.</summary>
    public (int Current, int Target) ProgressOf(AchievementRule rule, AchievementProgress? progress, string memberTier)
    {
        progress ??= new AchievementProgress { Id = string.Empty };
        var (current, target) = rule.Kind switch
        {
            AchievementKind.FirstSale => (progress.Sales, 1),
            AchievementKind.FirstRedemption => (progress.Redemptions, 1),
            AchievementKind.QuizzesPassed => (progress.QuizzesPassed, rule.Threshold),
            AchievementKind.SalesStreak => (progress.LongestStreak(), rule.Threshold),
            AchievementKind.QualifiedReferrals => (progress.QualifiedReferrals, rule.Threshold),
            AchievementKind.ContestWinner => (progress.ContestWins, rule.Threshold),
            _ => (Math.Max(0, tiers.RankOf(memberTier)), Math.Max(0, tiers.RankOf(rule.Tier ?? tiers.Lowest))),
        };
        return (Math.Min(current, target), target);
    }

    private bool IsMet(AchievementRule rule, AchievementProgress progress, string memberTier)
    {
        var (current, target) = ProgressOf(rule, progress, memberTier);
        return current >= target;
    }

    private List<string> AddMonth(List<string> months, DateTimeOffset at)
    {
        var month = TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return months.Contains(month) ? months : [.. months.Append(month).Order(StringComparer.Ordinal)];
    }

    public static ChatMessage Announcement(Texts texts, AchievementRule rule)
    {
        var lines = new List<RichText> { texts.Rich("Engagement.Achievements.Announce", rule.Name) };
        if (rule.Description is { } description)
        {
            lines.Add(RichText.Escape(description));
        }

        if (rule.Points > 0)
        {
            lines.Add(texts.Rich("Engagement.Achievements.AnnouncePoints", texts.Points(rule.Points)));
        }

        return new ChatMessage { Text = RichText.Lines(lines), Buttons = [[ChatButton.Choice(texts["Engagement.Achievements.Button"], "ach")]] };
    }
}
