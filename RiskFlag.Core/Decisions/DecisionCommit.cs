namespace RiskFlag.Core.Decisions;

/// <summary>
/// What an answer waits on: the commit of every decision it carries. The writer reports each record of the
/// group as stored or failed; <see cref="WaitAsync"/> completes once all of them are stored, or fails with
/// <see cref="DecisionNotRecordedException"/> as soon as the group is sealed and any one was not. An answer
/// given only after this completes is in the log even if the process is killed the next instant.
/// </summary>
public sealed class DecisionCommit
{
    // Continuations run on the pool, not on the writer's thread, which would otherwise run every waiting request.
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // One for the group itself until it is sealed, so a record stored before the next is added cannot finish it early.
    private int _outstanding = 1;
    private DecisionNotRecordedException? _failure;
    private int _stored;
    private int _sealed;

    /// <summary>A group with nothing to wait for (the decision log is off).</summary>
    public static DecisionCommit None { get; } = Sealed();

    /// <summary>How many decisions of the group were stored.</summary>
    public int Stored => Volatile.Read(ref _stored);

    /// <summary>Seals the group: no decision is added after this. Completes when every added decision is stored.</summary>
    public Task WaitAsync()
    {
        if (Interlocked.Exchange(ref _sealed, 1) == 0)
        {
            Release();
        }

        return _done.Task;
    }

    internal void Add() => Interlocked.Increment(ref _outstanding);

    internal void Committed()
    {
        Interlocked.Increment(ref _stored);
        Release();
    }

    internal void Refused(DecisionNotRecordedException reason)
    {
        Interlocked.CompareExchange(ref _failure, reason, null);
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            _done.TrySetException(failure);
        }
        else
        {
            _done.TrySetResult();
        }
    }

    private static DecisionCommit Sealed()
    {
        var commit = new DecisionCommit();
        commit.WaitAsync();
        return commit;
    }
}
