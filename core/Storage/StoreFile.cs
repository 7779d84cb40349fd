namespace LoyaltyBot.Core.Storage;

/// <summary>
/// One of the store's two files (data or log) as LiteDB sees it: an unbuffered file stream whose
/// <see cref="Flush"/> either forces the bytes to the device (data file) or leaves that to
/// <see cref="FlushToDisk"/> (log file, flushed once per group commit by <see cref="LiteDbDurability"/>).
/// </summary>
/// <remarks>
/// LiteDB 5.0.20 writes log pages on a background task that resumes on the committing thread and
/// calls fsync after every page it takes from its queue, so a commit of 60 pages cost 60 fsyncs. With the
/// log's flush reduced to a no-op, a group commit costs one fsync, issued by the barrier before any
/// write of the batch is acknowledged. The data file is only written by checkpoints, which must reach
/// the device before LiteDB truncates the log, so its flush stays a real fsync.
/// </remarks>
internal sealed class StoreFile(string path, bool syncOnFlush) : Stream
{
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
    private readonly ManualResetEventSlim _writable = new(initialState: true);
    private readonly Lock _holding = new();
    private int _holds;

    public string Path { get; } = path;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    /// <summary>
    /// Until the result is disposed, writes to this file wait (reads go on): a backup copies the data file while the
    /// store keeps committing into its log, and only a checkpoint that falls due meanwhile waits for the copy.
    /// </summary>
    public IDisposable HoldWrites()
    {
        lock (_holding)
        {
            if (++_holds == 1)
            {
                _writable.Reset();
            }
        }

        return new Release(this);
    }

    /// <summary>Forces everything written so far to the device.</summary>
    public void FlushToDisk() => _file.Flush(flushToDisk: true);

    public override void Flush()
    {
        if (syncOnFlush)
        {
            _file.Flush(flushToDisk: true);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        _writable.Wait();
        _file.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _writable.Wait();
        _file.Write(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _writable.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Released()
    {
        lock (_holding)
        {
            if (--_holds == 0)
            {
                _writable.Set();
            }
        }
    }

    private sealed class Release(StoreFile file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Released();
            }
        }
    }
}
