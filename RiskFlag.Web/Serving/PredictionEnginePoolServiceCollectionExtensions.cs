namespace RiskFlag.Web.Serving;

public static class PredictionEnginePoolServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="PredictionEnginePool{TInput, TOutput}"/>; name its models with <c>FromFile</c>.</summary>
    public static PredictionEnginePoolBuilder<TInput, TOutput> AddPredictionEnginePool<TInput, TOutput>(this IServiceCollection services)
        where TInput : class
        where TOutput : class, new()
    {
        services.AddSingleton<PredictionEnginePool<TInput, TOutput>>();
        services.AddSingleton<PredictionEnginePoolService<TInput, TOutput>>();
        services.AddHostedService(provider => provider.GetRequiredService<PredictionEnginePoolService<TInput, TOutput>>());
        return new PredictionEnginePoolBuilder<TInput, TOutput>(services);
    }
}

public sealed class PredictionEnginePoolBuilder<TInput, TOutput>(IServiceCollection services)
    where TInput : class
    where TOutput : class, new()
{
    public IServiceCollection Services { get; } = services;

    /// <param name="watchForChanges">Reload when the file is created, replaced (also by an atomic rename), changed or deleted.</param>
    public PredictionEnginePoolBuilder<TInput, TOutput> FromFile(string modelName, string filePath, bool watchForChanges) =>
        FromFile(modelName, _ => filePath, watchForChanges);

    /// <summary>A file named when the pool is built (from configuration, say); a null or empty path registers no model.</summary>
    public PredictionEnginePoolBuilder<TInput, TOutput> FromFile(string modelName, Func<IServiceProvider, string?> filePath, bool watchForChanges)
    {
        Services.AddOptions<PredictionEnginePoolOptions<TInput, TOutput>>().Configure<IServiceProvider>((options, provider) =>
        {
            if (options.Sources.Any(s => s.Name == modelName))
            {
                throw new InvalidOperationException($"a model named '{modelName}' is already registered");
            }

            if (filePath(provider) is { Length: > 0 } path)
            {
                options.Sources.Add(new ModelFileSource(modelName, path, watchForChanges));
            }
        });
        return this;
    }
}
