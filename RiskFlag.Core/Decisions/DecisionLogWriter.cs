using System.Threading.Channels;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// Group commit for the decision log: requests enqueue their decision with the <see cref="DecisionCommit"/> their
/// answer waits on, and one writer drains the queue into the store, one transaction per batch, then reports every
/// record of the batch as stored. A busy site so pays one commit per batch, not per request, and answers nothing
/// that is not yet in the log. When the bounded queue is full a record is refused at once (counted in
/// <see cref="Dropped"/>; the channel answers "retry") rather than making the request wait for room.
/// <see cref="Complete"/> stops intake and writes everything still queued, so a clean shutdown loses nothing.
/// </summary>
public sealed class DecisionLogWriter
{
    private readonly Channel<QueuedDecision> _channel;
    private readonly IDecisionLogStore _store;
    private readonly int _batchSize;
    private readonly TimeSpan _linger;
    private long _dropped;
    private long _written;
    private long _failed;
    private volatile bool _completed;

    /// <param name="linger">
    /// How long the writer waits for a partial batch to fill. Without it, a busy site that the writer keeps up
    /// with is written a transaction per handful of records, which costs the requests CPU; with it, each waiting
    /// answer is later by up to this much.
    /// </param>
    public DecisionLogWriter(IDecisionLogStore store, int capacity = 10_000, int batchSize = 500, TimeSpan linger = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _batchSize = batchSize;
        _linger = linger;
        _channel = Channel.CreateBounded<QueuedDecision>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite this means "refuse", never block
            SingleReader = true,
        });
    }

    /// <summary>Records refused because the queue was full (or closed): their answers were not given.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records the store failed to take (their answers were not given).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public int Pending => _channel.Reader.Count;

    /// <summary>Raised (on the writer) when a record is dropped, so the host can log it.</summary>
    public event Action<long>? RecordDropped;

    /// <summary>Raised (on the writer) when a batch could not be stored.</summary>
    public event Action<Exception, int>? BatchFailed;

    /// <param name="commit">Told when the record is stored or refused; null when nothing waits on it.</param>
    /// <returns>False when the record was refused (queue full or closed); the commit then fails.</returns>
    public bool TryEnqueue(DecisionRecord record, DecisionCommit? commit = null)
    {
        commit?.Add();
        if (_channel.Writer.TryWrite(new QueuedDecision(record, commit)))
        {
            return true;
        }

        Refuse(commit, _completed ? DecisionNotRecordedReason.Closed : DecisionNotRecordedReason.QueueFull);
        return false;
    }

    /// <summary>
    /// For callers off the request path (a batch upload): waits for room instead of refusing, so a large file is
    /// logged whole at the writer's pace. Refuses (and counts) only when the queue is closed or the caller gives up.
    /// </summary>
    public bool EnqueueOrWait(DecisionRecord record, DecisionCommit? commit, CancellationToken cancellationToken)
    {
        commit?.Add();
        var queued = new QueuedDecision(record, commit);
        if (_channel.Writer.TryWrite(queued))
        {
            return true;
        }

        try
        {
            _channel.Writer.WriteAsync(queued, cancellationToken).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is ChannelClosedException or OperationCanceledException)
        {
            Refuse(commit, DecisionNotRecordedReason.Closed);
            return false;
        }
    }

    private void Refuse(DecisionCommit? commit, DecisionNotRecordedReason reason)
    {
        commit?.Refused(new DecisionNotRecordedException(reason));
        RecordDropped?.Invoke(Interlocked.Increment(ref _dropped));
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
        var commits = new List<DecisionCommit?>(_batchSize);
        var reader = _channel.Reader;
        while (WaitToRead(reader, cancellationToken))
        {
            Fill(batch, commits, reader);
            if (batch.Count < _batchSize && _linger > TimeSpan.Zero)
            {
                if (cancellationToken.WaitHandle.WaitOne(_linger))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                Fill(batch, commits, reader);
            }

            Write(batch, commits);
            batch.Clear();
            commits.Clear();
        }
    }

    private void Write(List<DecisionRecord> batch, List<DecisionCommit?> commits)
    {
        try
        {
            _store.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Add(ref _failed, batch.Count);
            var refusal = new DecisionNotRecordedException(DecisionNotRecordedReason.StoreFailed, e);
            foreach (var commit in commits)
            {
                commit?.Refused(refusal);
            }

            BatchFailed?.Invoke(e, batch.Count);
            return;
        }

        Interlocked.Add(ref _written, batch.Count);
        foreach (var commit in commits)
        {
            commit?.Committed();
        }
    }

    private static bool WaitToRead(ChannelReader<QueuedDecision> reader, CancellationToken cancellationToken)
    {
        var ready = reader.WaitToReadAsync(cancellationToken);
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void Fill(List<DecisionRecord> batch, List<DecisionCommit?> commits, ChannelReader<QueuedDecision> reader)
    {
        while (batch.Count < _batchSize && reader.TryRead(out var queued))
        {
            batch.Add(queued.Record);
            commits.Add(queued.Commit);
        }
    }

    /// <summary>Stops accepting records; the running <see cref="RunAsync"/> finishes after writing the rest.</summary>
    public void Complete()
    {
        _completed = true;
        _channel.Writer.TryComplete();
    }

    private readonly record struct QueuedDecision(DecisionRecord Record, DecisionCommit? Commit);
}
