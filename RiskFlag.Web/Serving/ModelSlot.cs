namespace RiskFlag.Web.Serving;

/// <summary>A named model of the pool: the file it is served from, the generation serving now, and its reload history.</summary>
public sealed class ModelSlot<TInput, TOutput>(string name, string path, bool watchForChanges, ReloadHistory history)
    where TInput : class
    where TOutput : class, new()
{
    private ServedModel<TInput, TOutput>? _current;

    public string Name { get; } = name;

    /// <summary>Absolute path of the model zip served and watched.</summary>
    public string Path { get; } = path;

    public bool WatchForChanges { get; } = watchForChanges;

    public ReloadHistory History { get; } = history;

    /// <summary>Read once per request and keep the reference: the model may change between two reads.</summary>
    public ServedModel<TInput, TOutput>? Current => Volatile.Read(ref _current);

    /// <returns>The generation that was serving before.</returns>
    internal ServedModel<TInput, TOutput>? Swap(ServedModel<TInput, TOutput> next) => Interlocked.Exchange(ref _current, next);
}
