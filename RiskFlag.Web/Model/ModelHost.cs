namespace RiskFlag.Web.Model;

/// <summary>
/// The model every request scores with. The scorer is immutable and thread-safe, so one instance shared by all
/// requests is the pool; a reload swaps the reference, and a request that already read it finishes on the old model.
/// </summary>
public sealed class ModelHost(string modelPath, ReloadHistory history)
{
    private LoadedModel? _current;

    /// <summary>Absolute path of the bundle being served and watched.</summary>
    public string ModelPath { get; } = modelPath;

    public ReloadHistory History { get; } = history;

    /// <summary>Read once per request and keep the reference: the model may change between two reads.</summary>
    public LoadedModel? Current => Volatile.Read(ref _current);

    public bool IsReady => Current is not null;

    /// <returns>The model that was serving before.</returns>
    public LoadedModel? Swap(LoadedModel next) => Interlocked.Exchange(ref _current, next);
}
