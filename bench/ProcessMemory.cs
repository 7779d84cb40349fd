using System.Globalization;

namespace LoyaltyBot.Bench;

/// <summary>Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux): VmRSS now and VmHWM, its peak.</summary>
internal sealed record ProcessMemory(double RssMiB, double PeakRssMiB)
{
    public static ProcessMemory? Read(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        double? rss = null, hwm = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = KiB(line);
            }
        }

        return rss is { } r && hwm is { } h ? new ProcessMemory(Math.Round(r / 1024, 1), Math.Round(h / 1024, 1)) : null;
    }

    /// <summary>"VmRSS:	  123456 kB" → 123456.</summary>
    private static double KiB(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
