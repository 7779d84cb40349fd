using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace LoyaltyBot.Core.Reports;

/// <summary>Renders the weekly points issued / redeemed and active members as a PNG (ScottPlot on SkiaSharp, headless).</summary>
public static class KpiChart
{
    public const int Width = 1000;
    public const int Height = 500;

    /// <summary>
    /// The chart; the date axis shows the weeks' first days in <paramref name="zone"/> (the program's), as the title does,
    /// and names them in <paramref name="culture"/> (the reader's): «1 июн.», "1 Jun".
    /// </summary>
    public static byte[] Png(
        KpiFigures figures, TimeZoneInfo zone, CultureInfo culture, string title, string issuedLabel, string redeemedLabel, string activeLabel)
    {
        using var plot = new Plot();
        plot.Title(title);
        var weeks = WeekPositions(figures, zone);
        if (weeks.Length > 0)
        {
            var issued = plot.Add.Scatter(weeks, figures.Weeks.Select(w => (double)w.PointsIssued).ToArray());
            issued.LegendText = issuedLabel;
            var redeemed = plot.Add.Scatter(weeks, figures.Weeks.Select(w => (double)w.PointsRedeemed).ToArray());
            redeemed.LegendText = redeemedLabel;
            var active = plot.Add.Scatter(weeks, figures.Weeks.Select(w => (double)w.ActiveMembers).ToArray());
            active.LegendText = activeLabel;
            active.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = activeLabel;
        }

        plot.Axes.DateTimeTicksBottom().TickGenerator = new DateTimeAutomatic { LabelFormatter = day => DayLabel(day, culture) };
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>A tick's label on the date axis: day and abbreviated month in the reader's language.</summary>
    public static string DayLabel(DateTime day, CultureInfo culture) => day.ToString("d MMM", culture);

    /// <summary>
    /// Where each week stands on the date axis: its start as a wall-clock time of <paramref name="zone"/>. A week that
    /// starts at local midnight east of UTC would otherwise be drawn on the day before.
    /// </summary>
    public static double[] WeekPositions(KpiFigures figures, TimeZoneInfo zone) =>
        figures.Weeks.Select(w => TimeZoneInfo.ConvertTime(w.Start, zone).DateTime.ToOADate()).ToArray();
}
