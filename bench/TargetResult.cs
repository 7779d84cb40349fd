namespace LoyaltyBot.Bench;

/// <summary>A target and whether the measured figure reaches it: at least <see cref="Target"/>, or at most it when <see cref="AtMost"/>.</summary>
internal sealed record TargetResult(string Name, double Target, double Actual, bool AtMost = false)
{
    public bool Pass => AtMost ? Actual <= Target : Actual >= Target;

    public string Verdict => Pass ? "PASS" : "BELOW";
}
