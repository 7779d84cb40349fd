using System.Collections.Concurrent;

namespace LoyaltyBot.Bench;

/// <summary>Thread-safe error counter that keeps the first few messages as samples.</summary>
internal sealed class ErrorLog
{
    private const int MaxSamples = 10;
    private readonly ConcurrentQueue<string> _samples = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<string> Samples => [.. _samples];

    public void Add(string message, int count = 1)
    {
        if (Interlocked.Add(ref _count, count) - count < MaxSamples)
        {
            _samples.Enqueue(count == 1 ? message : $"{message} (x{count})");
        }
    }
}
