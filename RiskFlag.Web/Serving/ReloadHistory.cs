namespace RiskFlag.Web.Serving;

/// <summary>The most recent reload attempts, newest first. Written rarely, read by the model page: a lock is fine here.</summary>
public sealed class ReloadHistory(int capacity)
{
    private readonly LinkedList<ReloadEvent> _events = new();
    private readonly Lock _gate = new();
    private int _rejected;

    /// <summary>Rejected bundles since start-up, kept beyond the length of the list.</summary>
    public int RejectedCount => Volatile.Read(ref _rejected);

    public void Record(ReloadEvent reload)
    {
        lock (_gate)
        {
            _events.AddFirst(reload);
            while (_events.Count > capacity)
            {
                _events.RemoveLast();
            }

            if (reload.Outcome == ReloadOutcome.Rejected)
            {
                _rejected++;
            }
        }
    }

    public IReadOnlyList<ReloadEvent> Recent()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }
}
