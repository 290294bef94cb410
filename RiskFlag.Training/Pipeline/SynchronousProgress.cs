namespace RiskFlag.Training.Pipeline;

/// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; posts to the thread pool and may reorder lines).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
