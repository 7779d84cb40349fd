namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>Thread-safe list of recorded calls with waiters that complete when a matching call arrives.</summary>
internal sealed class CallLog
{
    private const int MaxCallsInTimeoutMessage = 50;

    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<Waiter> _waiters = [];

    public IReadOnlyList<RecordedCall> Snapshot()
    {
        lock (_gate)
            return _calls.ToArray();
    }

    public IReadOnlyList<RecordedCall> Snapshot(string method)
    {
        lock (_gate)
            return _calls.Where(call => IsMethod(call, method)).ToArray();
    }

    public void Add(RecordedCall call)
    {
        List<(Waiter Waiter, Exception? Error)> completed = [];
        lock (_gate)
        {
            _calls.Add(call);
            foreach (var waiter in _waiters)
            {
                try
                {
                    if (waiter.Matches(call))
                        completed.Add((waiter, null));
                }
                catch (Exception ex)
                {
                    completed.Add((waiter, ex));
                }
            }
            foreach (var (waiter, _) in completed)
                _waiters.Remove(waiter);
        }

        // Complete outside the lock: continuations of test code must not run while we hold it.
        foreach (var (waiter, error) in completed)
        {
            if (error is null)
                waiter.Completion.TrySetResult(call);
            else
                waiter.Completion.TrySetException(error);
        }
    }

    public void Clear()
    {
        lock (_gate)
            _calls.Clear();
    }

    public async Task<RecordedCall> WaitAsync(
        string method, Func<RecordedCall, bool>? predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(method, predicate);
        lock (_gate)
        {
            var existing = _calls.FirstOrDefault(waiter.Matches);
            if (existing is not null)
                return existing;
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(DescribeTimeout(method, predicate is not null, timeout));
        }
        finally
        {
            lock (_gate)
                _waiters.Remove(waiter);
        }
    }

    private string DescribeTimeout(string method, bool hasPredicate, TimeSpan timeout)
    {
        var calls = Snapshot();
        var what = hasPredicate ? $"a '{method}' call matching the predicate" : $"a '{method}' call";
        if (calls.Count == 0)
            return $"FakeTelegramServer: no {what} arrived within {timeout.TotalSeconds:0.###} s. No calls were recorded at all.";

        var shown = calls.TakeLast(MaxCallsInTimeoutMessage).Select(call => $"{call.Method} -> {call.StatusCode}");
        var prefix = calls.Count > MaxCallsInTimeoutMessage ? "..., " : "";
        return $"FakeTelegramServer: no {what} arrived within {timeout.TotalSeconds:0.###} s. " +
               $"Recorded calls ({calls.Count}): {prefix}{string.Join(", ", shown)}.";
    }

    private static bool IsMethod(RecordedCall call, string method) =>
        string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase);

    private sealed class Waiter(string method, Func<RecordedCall, bool>? predicate)
    {
        public TaskCompletionSource<RecordedCall> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(RecordedCall call) => IsMethod(call, method) && (predicate is null || predicate(call));
    }
}
