using System.Text.Json;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>Pending updates for getUpdates, with the Bot API's offset confirmation and long-poll wait.</summary>
internal sealed class UpdateQueue
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private TaskCompletionSource _arrived = NewSignal();

    public int Count
    {
        get
        {
            lock (_gate)
                return _pending.Count;
        }
    }

    public void Enqueue(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        long id;
        using (var document = JsonDocument.Parse(json))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("update_id", out var updateId)
                || !updateId.TryGetInt64(out id))
                throw new ArgumentException("An update must be a JSON object with a numeric \"update_id\".", nameof(json));
        }

        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pending.Add((id, json.Trim()));
            arrived = _arrived;
            _arrived = NewSignal();
        }
        arrived.TrySetResult();
    }

    public void Clear()
    {
        lock (_gate)
            _pending.Clear();
    }

    /// <summary>
    /// Confirms updates below <paramref name="offset"/> (a negative offset keeps only the last -offset updates),
    /// then returns up to <paramref name="limit"/> pending updates, waiting up to <paramref name="wait"/> for one.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeAsync(long offset, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                Confirm(offset);
                if (_pending.Count > 0)
                    return _pending.Take(limit).Select(update => update.Json).ToArray();
                arrived = _arrived.Task;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
                return [];
            try
            {
                await arrived.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return [];
            }
        }
    }

    private void Confirm(long offset)
    {
        if (offset > 0)
            _pending.RemoveAll(update => update.Id < offset);
        else if (offset < 0 && _pending.Count > -offset)
            _pending.RemoveRange(0, _pending.Count - (int)Math.Min(-offset, int.MaxValue));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
