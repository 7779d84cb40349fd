using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Reports;

namespace LoyaltyBot.Bot.Reports;

/// <summary><c>/report</c> (managers): the KPI chart of the last 30 days with the headline figures as its caption.</summary>
public sealed class ReportHandler(KpiReports reports, ProgramCalendar calendar) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["report"];

    public string ButtonPrefix => "rep";

    public HandlerAccess Access => HandlerAccess.Manager;

    public Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        var texts = context.Texts;
        var figures = reports.Compute(context.Now.AddDays(-30), context.Now);
        var lines = new List<RichText>
        {
            texts.Rich("Engagement.Report.Title", texts.Date(figures.From, calendar.TimeZone), texts.Date(context.Now, calendar.TimeZone)),
            texts.Rich("Engagement.Report.Participation", Percent(texts, figures.ParticipationRate), texts.Number(figures.ParticipatingMembers), texts.Number(figures.Members)),
            texts.Rich("Engagement.Report.ActiveMembers", texts.Number(figures.ActiveMembers30Days), texts.Number(figures.ActiveMembers90Days)),
            texts.Rich("Engagement.Report.Units", texts.Number(figures.UnitsSold)),
            texts.Rich("Engagement.Report.Points", texts.Points(figures.PointsIssued), texts.Points(figures.PointsRedeemed), texts.Points(figures.PointsExpired)),
            texts.Rich("Engagement.Report.RedemptionRate", Percent(texts, figures.RedemptionRate)),
            texts.Rich("Engagement.Report.Quizzes", Percent(texts, figures.QuizParticipationRate), Percent(texts, figures.QuizPassRate)),
            texts.Rich("Engagement.Report.Retention", Percent(texts, figures.Retention)),
        };
        return Task.FromResult(context.Reply(new ChatMessage
        {
            Text = RichText.Lines(lines),
            Image = new ChatImage(KpiChartTexts.Render(figures, texts, calendar.TimeZone), "kpi.png"),
        }));
    }

    private static string Percent(Texts texts, decimal? rate) => rate is { } r ? texts.Percent(Math.Round(r * 100, 1)) : "—";
}
