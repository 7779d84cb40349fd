using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Core.Reports;

/// <summary>The KPI chart with its title and legend in a language.</summary>
public static class KpiChartTexts
{
    public static byte[] Render(KpiFigures figures, Texts texts) => KpiChart.Png(
        figures,
        texts.Format("Engagement.Report.ChartTitle", figures.From.ToString("d", texts.Culture), figures.To.AddMilliseconds(-1).ToString("d", texts.Culture)),
        texts["Engagement.Report.Issued"],
        texts["Engagement.Report.Redeemed"],
        texts["Engagement.Report.Active"]);
}
