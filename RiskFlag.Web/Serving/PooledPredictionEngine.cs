using Microsoft.ML;

namespace RiskFlag.Web.Serving;

/// <summary>A prediction engine rented from one generation of a model; disposing gives it back to that generation.</summary>
public readonly struct PooledPredictionEngine<TInput, TOutput>(ServedModel<TInput, TOutput> model, PredictionEngine<TInput, TOutput> engine) : IDisposable
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>The generation the engine belongs to: read the model's metadata from here, not from the pool again.</summary>
    public ServedModel<TInput, TOutput> Model { get; } = model;

    public PredictionEngine<TInput, TOutput> Engine { get; } = engine;

    public void Dispose() => Model.Return(Engine);
}
