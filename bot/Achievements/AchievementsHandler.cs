using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Members;
using LoyaltyBot.Core.Achievements;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Achievements;

/// <summary><c>/achievements</c>: the member's badges and their progress toward the ones not earned yet.</summary>
public sealed class AchievementsHandler(IDocumentStore store, AchievementTracker tracker, AchievementRuleBook rules, ProgramCalendar calendar) : IChatHandler
{
    private const int NextShown = 3;

    public IReadOnlyCollection<string> Commands { get; } = ["achievements"];

    public string ButtonPrefix => "ach";

    public HandlerAccess Access => HandlerAccess.Personal;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var texts = context.Texts;
        var member = context.RequiredMember;
        var earned = store.Set<MemberAchievement>().Find(a => a.MemberId == member.Id).OrderBy(a => a.EarnedAt).ToArray();
        var earnedIds = earned.Select(a => a.RuleId).ToHashSet(StringComparer.Ordinal);
        var progress = store.Set<AchievementProgress>().Get(member.Id);
        var lines = new List<RichText> { texts.Rich("Engagement.Achievements.Title") };
        if (earned.Length == 0)
        {
            lines.Add(RichText.Escape(texts["Engagement.Achievements.None"]));
        }

        lines.AddRange(earned.Select(a => texts.Rich("Engagement.Achievements.Earned", a.Name, texts.Date(a.EarnedAt, calendar.TimeZone))));
        var next = rules.List()
            .Where(r => r.IsActive && !earnedIds.Contains(r.Id))
            .Select(r => (Rule: r, Progress: tracker.ProgressOf(r, progress, member.Tier)))
            .OrderByDescending(x => (decimal)x.Progress.Current / Math.Max(1, x.Progress.Target))
            .Take(NextShown)
            .ToArray();
        if (next.Length > 0)
        {
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Engagement.Achievements.Next"));
            foreach (var (rule, (current, target)) in next)
            {
                var percent = (int)Math.Floor(100m * current / Math.Max(1, target));
                lines.Add(rule.Kind == AchievementKind.TierReached
                    ? texts.Rich("Engagement.Achievements.ProgressTier", rule.Name, rule.Tier ?? string.Empty, BalanceHandler.Bar(percent))
                    : texts.Rich("Engagement.Achievements.Progress", rule.Name, texts.Number(current), texts.Number(target), BalanceHandler.Bar(percent)));
            }
        }

        return Task.FromResult(context.Reply(RichText.Lines(lines), [[ChatButton.Choice(texts["Common.Menu"], "menu")]]));
    }
}
