namespace LoyaltyBot.Bench;

/// <summary>Outcome of creating the benchmark members.</summary>
internal sealed record MemberSetupResult(int Requested, int Created, int AlreadyExisted, int Errors, double Seconds, IReadOnlyList<string> ErrorSamples);
