using System.Threading.Channels;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// Takes decisions off the request path: requests enqueue (never wait), one writer drains the queue into
/// the store in batches. When the bounded queue is full the record is dropped and counted — the request
/// still succeeds — and <see cref="Dropped"/> says so. <see cref="Complete"/> stops intake and writes
/// everything still queued, so a clean shutdown loses nothing.
/// </summary>
public sealed class DecisionLogWriter
{
    private readonly Channel<DecisionRecord> _channel;
    private readonly IDecisionLogStore _store;
    private readonly int _batchSize;
    private readonly TimeSpan _linger;
    private long _dropped;
    private long _written;
    private long _failed;

    /// <param name="linger">
    /// How long the writer waits for a partial batch to fill. Without it, a busy site that the writer keeps up
    /// with is written a transaction (and a disk sync) per handful of records, which costs the requests CPU.
    /// </param>
    public DecisionLogWriter(IDecisionLogStore store, int capacity = 10_000, int batchSize = 500, TimeSpan linger = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _batchSize = batchSize;
        _linger = linger;
        _channel = Channel.CreateBounded<DecisionRecord>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite this means "refuse", never block
            SingleReader = true,
        });
    }

    /// <summary>Records refused because the queue was full (or closed).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records lost because the store failed to take their batch.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public int Pending => _channel.Reader.Count;

    /// <summary>Raised (on the writer) when a record is dropped, so the host can log it.</summary>
    public event Action<long>? RecordDropped;

    /// <summary>Raised (on the writer) when a batch could not be stored.</summary>
    public event Action<Exception, int>? BatchFailed;

    public bool TryEnqueue(DecisionRecord record)
    {
        if (_channel.Writer.TryWrite(record))
        {
            return true;
        }

        RecordDropped?.Invoke(Interlocked.Increment(ref _dropped));
        return false;
    }

    /// <summary>
    /// For callers off the request path (a batch upload): waits for room instead of dropping, so a large file is
    /// logged whole at the writer's pace. Drops (and counts) only when the queue is closed or the caller gives up.
    /// </summary>
    public bool EnqueueOrWait(DecisionRecord record, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(record))
        {
            return true;
        }

        try
        {
            _channel.Writer.WriteAsync(record, cancellationToken).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is ChannelClosedException or OperationCanceledException)
        {
            RecordDropped?.Invoke(Interlocked.Increment(ref _dropped));
            return false;
        }
    }

    /// <summary>
    /// The writer loop: runs until <see cref="Complete"/> has been called and the queue is empty. It runs on a thread
    /// of its own because a store's insert is synchronous CPU and disk work (SQLite has no real async I/O): on a
    /// thread-pool thread it would take one of the few workers the requests are waiting for.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken cancellationToken)
    {
        var batch = new List<DecisionRecord>(_batchSize);
        var reader = _channel.Reader;
        while (WaitToRead(reader, cancellationToken))
        {
            Fill(batch, reader);
            if (batch.Count < _batchSize && _linger > TimeSpan.Zero)
            {
                if (cancellationToken.WaitHandle.WaitOne(_linger))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                Fill(batch, reader);
            }

            try
            {
                _store.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Add(ref _failed, batch.Count);
                BatchFailed?.Invoke(e, batch.Count);
            }

            batch.Clear();
        }
    }

    private static bool WaitToRead(ChannelReader<DecisionRecord> reader, CancellationToken cancellationToken)
    {
        var ready = reader.WaitToReadAsync(cancellationToken);
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void Fill(List<DecisionRecord> batch, ChannelReader<DecisionRecord> reader)
    {
        while (batch.Count < _batchSize && reader.TryRead(out var record))
        {
            batch.Add(record);
        }
    }

    /// <summary>Stops accepting records; the running <see cref="RunAsync"/> finishes after writing the rest.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
