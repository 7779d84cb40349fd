namespace LoyaltyBot.Bench;

/// <summary>A throughput target and whether the measured figure reaches it.</summary>
internal sealed record TargetResult(string Name, double Target, double Actual)
{
    public bool Pass => Actual >= Target;

    public string Verdict => Pass ? "PASS" : "BELOW";
}
