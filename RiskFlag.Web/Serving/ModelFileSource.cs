namespace RiskFlag.Web.Serving;

/// <summary>One <c>FromFile(modelName, filePath, watchForChanges)</c> registration.</summary>
/// <param name="Path">Absolute, or relative to the content root, the working directory or a folder above them.</param>
public sealed record ModelFileSource(string Name, string Path, bool WatchForChanges);

/// <summary>The models registered for a pool of one input/output pair.</summary>
public sealed class PredictionEnginePoolOptions<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    public List<ModelFileSource> Sources { get; } = [];
}
