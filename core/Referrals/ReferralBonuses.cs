using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Ledger;
using LoyaltyBot.Core.Members;
using LoyaltyBot.Core.Outbox;
using LoyaltyBot.Core.Sales;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Referrals;

/// <summary>
/// The two referral bonuses, each a <see cref="LedgerEntryKind.ReferralBonus"/> entry referencing
/// <c>referral:{id}</c>: the referee's welcome bonus on approval (key <c>referral:{id}:welcome</c>) and the referrer's
/// bonus on the referee's first qualifying sale that occurred within the window after the approval (a sale dated
/// before it never qualifies; key <c>referral:{id}:referrer</c>). The referrer's
/// bonus is decided inside the sale's own transaction and only for new sales, and the application records the
/// decision, so replays, batches and retries pay it at most once.
/// </summary>
public sealed class ReferralBonuses(
    PointsLedger ledger,
    ReferralOptions options,
    ReferralNotices notices,
    DeliveryOutbox outbox,
    ProgramCalendar calendar,
    TimeProvider time,
    AchievementTracker? achievements = null,
    WebhookOutbox? webhooks = null,
    ContestScores? contests = null) : ISaleObserver
{
    /// <summary>Inside the approval's write operation: pays the welcome bonus to the new member; returns the points paid.</summary>
    internal decimal PayWelcome(IDocumentStore store, ReferralApplication application, string memberId, string actor)
    {
        if (options.RefereeWelcomeBonus <= 0)
        {
            return 0m;
        }

        var appended = ledger.Append(store, new LedgerPosting(
            memberId,
            LedgerEntryKind.ReferralBonus,
            options.RefereeWelcomeBonus,
            $"Welcome bonus: joined through referral #{application.Number}",
            ReferralApplication.SourceRefOf(application.Id),
            $"referral:{application.Id}:welcome",
            actor));
        return appended.IsSuccess ? appended.Value.Entry.Amount : 0m;
    }

    /// <summary>Called by the sale recorder inside the transaction of every new sale.</summary>
    public void OnSaleRecorded(IDocumentStore store, Sale sale, Member member, TierChange? tierChange)
    {
        var memberId = member.Id;
        var awaiting = store.Derived<ReferralApplication, HashSet<string>>("awaiting-first-sale", all =>
            [.. all.Find(a => a.Status == ApplicationStatus.Approved)
                .Where(a => a.ReferrerBonusOutcome is null && a.MemberId is not null)
                .Select(a => a.MemberId!)]);
        if (!awaiting.Contains(memberId))
        {
            return;
        }

        var applications = store.Set<ReferralApplication>();
        var application = applications.FindOne(a => a.MemberId == memberId);
        if (application is not { Status: ApplicationStatus.Approved, ReferrerBonusOutcome: null, DecidedAt: { } approvedAt }
            || sale.Units < options.QualifyingMinUnits
            || sale.OccurredAt < approvedAt
            || sale.OccurredAt > approvedAt.AddDays(options.QualifyingWindowDays))
        {
            return;
        }

        var now = time.GetUtcNow();
        var referrer = store.Set<Member>().Get(application.ReferrerMemberId);
        var outcome = referrer is not { Status: MemberStatus.Active } ? ReferrerBonusOutcome.ReferrerBlocked
            : options.ReferrerBonus > 0 && ReachedMonthlyCap(applications, referrer.Id, now) ? ReferrerBonusOutcome.MonthlyCap
            : ReferrerBonusOutcome.Paid;
        var paid = 0m;
        if (outcome == ReferrerBonusOutcome.Paid && options.ReferrerBonus > 0)
        {
            var appended = ledger.Append(store, new LedgerPosting(
                referrer!.Id,
                LedgerEntryKind.ReferralBonus,
                options.ReferrerBonus,
                $"Referral bonus: {application.CompanyName} (#{application.Number}) made the first sale",
                ReferralApplication.SourceRefOf(application.Id),
                $"referral:{application.Id}:referrer",
                sale.Actor));
            paid = appended is { IsSuccess: true, Value.WasDuplicate: false } ? appended.Value.Entry.Amount : 0m;
        }

        var qualified = application with
        {
            QualifiedAt = now,
            QualifyingSaleId = sale.Id,
            ReferrerBonusOutcome = outcome,
            ReferrerBonus = paid,
        };
        applications.Update(qualified);
        if (referrer is not null)
        {
            achievements?.Record(store, referrer.Id, AchievementEvent.ReferralQualified(application.Id, now));
            contests?.Add(store, referrer.Id, ContestMetric.QualifiedReferrals, 1, sale.OccurredAt, ReferralApplication.SourceRefOf(application.Id));
        }

        webhooks?.Emit(store, WebhookEventTypes.ReferralQualified, new
        {
            referralId = application.Id,
            referrerMemberId = application.ReferrerMemberId,
            memberId = application.MemberId,
            saleId = sale.Id,
            outcome = outcome.ToString(),
            bonus = paid,
        });
        if (paid > 0 || outcome == ReferrerBonusOutcome.MonthlyCap)
        {
            outbox.EnqueueForMember(
                store,
                referrer!.Id,
                texts => paid > 0 ? notices.BonusPaid(texts, qualified) : notices.BonusCapped(texts, qualified, options.MonthlyCapPerReferrer),
                $"referral-qualified:{application.Id}",
                ReferralInvitations.Topic(qualified));
        }
    }

    /// <summary>Referrer bonuses already paid to the referrer this calendar month, in the program's time zone.</summary>
    private bool ReachedMonthlyCap(IDocumentSet<ReferralApplication> applications, string referrerId, DateTimeOffset now)
    {
        if (options.MonthlyCapPerReferrer <= 0)
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(now, calendar.TimeZone);
        var monthStart = calendar.AtLocal(new DateTime(local.Year, local.Month, 1));
        var paidThisMonth = applications.Find(a => a.ReferrerMemberId == referrerId)
            .Count(a => a.ReferrerBonusOutcome == ReferrerBonusOutcome.Paid && a.ReferrerBonus > 0 && a.QualifiedAt >= monthStart);
        return paidThisMonth >= options.MonthlyCapPerReferrer;
    }
}
