using LoyaltyBot.Core.Localization;

namespace LoyaltyBot.Core.Reports;

/// <summary>The KPI chart with its title and legend in a language.</summary>
public static class KpiChartTexts
{
    /// <summary>The chart; its title and date axis name days in <paramref name="zone"/> (the program's).</summary>
    public static byte[] Render(KpiFigures figures, Texts texts, TimeZoneInfo zone) => KpiChart.Png(
        figures,
        zone,
        texts.Culture,
        texts.Format("Engagement.Report.ChartTitle", texts.Date(figures.From, zone), texts.Date(figures.To.AddMilliseconds(-1), zone)),
        texts["Engagement.Report.Issued"],
        texts["Engagement.Report.Redeemed"],
        texts["Engagement.Report.Active"]);
}
