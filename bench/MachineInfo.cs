using System.Runtime.InteropServices;

namespace LoyaltyBot.Bench;

/// <summary>Where the benchmark ran.</summary>
internal sealed record MachineInfo(string MachineName, int ProcessorCount, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);
}
