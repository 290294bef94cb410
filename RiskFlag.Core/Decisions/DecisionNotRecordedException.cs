namespace RiskFlag.Core.Decisions;

/// <summary>Why a decision is not in the log, so its answer must not be given.</summary>
public enum DecisionNotRecordedReason
{
    /// <summary>The queue was full: the writer is behind. Retrying shortly is the right response.</summary>
    QueueFull,

    /// <summary>The store refused the batch that carried it (disk full, database down).</summary>
    StoreFailed,

    /// <summary>The site is shutting down and takes no more decisions.</summary>
    Closed,
}

/// <summary>A decision could not be recorded; the channel answers "unavailable, retry" instead of the prediction.</summary>
public sealed class DecisionNotRecordedException : Exception
{
    public DecisionNotRecordedException(DecisionNotRecordedReason reason, Exception? cause = null)
        : base(MessageFor(reason), cause) => Reason = reason;

    public DecisionNotRecordedException()
        : this(DecisionNotRecordedReason.StoreFailed)
    {
    }

    public DecisionNotRecordedException(string message)
        : base(message)
    {
    }

    public DecisionNotRecordedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DecisionNotRecordedReason Reason { get; }

    private static string MessageFor(DecisionNotRecordedReason reason) => reason switch
    {
        DecisionNotRecordedReason.QueueFull => "the decision log is busy and could not take the decision",
        DecisionNotRecordedReason.Closed => "the site is shutting down",
        _ => "the decision log could not store the decision",
    };
}
