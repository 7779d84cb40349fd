namespace LoyaltyBot.Bench;

/// <summary>Latency percentiles in milliseconds (nearest-rank).</summary>
internal sealed record LatencySummary(int Samples, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    public static LatencySummary From(IEnumerable<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Math.Round(sorted.Average(), 2), Round(Percentile(50)), Round(Percentile(95)), Round(Percentile(99)), Round(sorted[^1]));
    }

    private static double Round(double value) => Math.Round(value, 2);
}
