using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

using RiskFlag.Core.Model;

namespace RiskFlag.Web.Serving;

/// <summary>
/// One loaded generation of a named model and the prediction engines made from it. A reload makes a new generation
/// with a pool of its own, so an engine is only ever returned to the model it was made from: a request that rented
/// before a swap finishes on the old model and can never hand an old engine to the new one.
/// </summary>
public sealed class ServedModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private readonly ObjectPool<PredictionEngine<TInput, TOutput>> _engines;

    public ServedModel(string name, string path, IServableModel model, DateTimeOffset loadedAt)
    {
        Name = name;
        Path = path;
        Model = model;
        LoadedAt = loadedAt;
        var ml = new MLContext();
        // PredictionEngine is not thread-safe; keep a few per core, more are made (and dropped) under bursts.
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 4 }
            .Create(new EnginePolicy(() => ml.Model.CreatePredictionEngine<TInput, TOutput>(model.Transformer)));
    }

    public string Name { get; }

    /// <summary>The file this generation was loaded from.</summary>
    public string Path { get; }

    public IServableModel Model { get; }

    public ITransformer Transformer => Model.Transformer;

    public string Version => Model.Version;

    public DateTimeOffset LoadedAt { get; }

    /// <summary>An engine for the caller alone until the lease is disposed.</summary>
    public PooledPredictionEngine<TInput, TOutput> Rent() => new(this, _engines.Get());

    internal void Return(PredictionEngine<TInput, TOutput> engine) => _engines.Return(engine);

    private sealed class EnginePolicy(Func<PredictionEngine<TInput, TOutput>> create) : PooledObjectPolicy<PredictionEngine<TInput, TOutput>>
    {
        public override PredictionEngine<TInput, TOutput> Create() => create();

        public override bool Return(PredictionEngine<TInput, TOutput> obj) => true;
    }
}
