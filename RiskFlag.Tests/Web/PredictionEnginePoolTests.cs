using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using RiskFlag.Core.Model;
using RiskFlag.Web.Serving;

namespace RiskFlag.Tests.Web;

/// <summary>The pool as a library: Microsoft.Extensions.ML's registration shape, named models, generations, reloads.</summary>
public sealed class PredictionEnginePoolTests
{
    private static readonly ApplicantInput Applicant = ApplicantInput.From(Applicants.Parse(Applicants.Valid(seed: 3)));

    [Fact]
    public async Task FromFile_registers_named_models_that_predict_like_the_model_zip_itself()
    {
        using var champion = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var challenger = ModelDirectory.With(TrainedBundles.Shared.Secondary);
        using var host = await StartAsync(pool => pool
            .FromFile(ModelNames.Champion, champion.BundlePath, watchForChanges: true)
            .FromFile(ModelNames.Challenger, challenger.BundlePath, watchForChanges: false));
        var pool = host.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>();

        Assert.Equal([ModelNames.Champion, ModelNames.Challenger], pool.ModelNames);
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, pool.GetServedModel(ModelNames.Champion)!.Version);
        Assert.Equal(TrainedBundles.Shared.Secondary.Manifest.Version, pool.GetServedModel(ModelNames.Challenger)!.Version);
        var expected = RiskModel.Load(champion.BundlePath).CreatePredictionEngine().Predict(Applicant).Probability;
        Assert.Equal(expected, pool.Predict(ModelNames.Champion, Applicant).Probability);
        Assert.Same(pool.GetServedModel(ModelNames.Champion)!.Transformer, pool.GetModel(ModelNames.Champion));
        Assert.Throws<KeyNotFoundException>(() => pool.Predict("nobody", Applicant));
    }

    [Fact]
    public async Task An_engine_goes_back_to_the_generation_it_came_from()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var host = await StartAsync(pool => pool.FromFile(ModelNames.Champion, model.BundlePath, watchForChanges: false));
        var pool = host.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>();

        var lease = pool.Rent(ModelNames.Champion);
        model.Publish(TrainedBundles.Shared.Secondary);
        var reload = await pool.ReloadAsync(ModelNames.Champion, "test");
        lease.Dispose();

        Assert.Equal(ReloadOutcome.Loaded, reload.Outcome);
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, lease.Model.Version);
        using var next = pool.Rent(ModelNames.Champion);
        Assert.Equal(TrainedBundles.Shared.Secondary.Manifest.Version, next.Model.Version);
        Assert.NotSame(lease.Engine, next.Engine);
        using var again = lease.Model.Rent();
        Assert.Same(lease.Engine, again.Engine);
    }

    [Fact]
    public async Task A_deleted_file_is_seen_and_the_model_keeps_serving()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var host = await StartAsync(pool => pool.FromFile(ModelNames.Champion, model.BundlePath, watchForChanges: true));
        var pool = host.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>();

        File.Delete(model.BundlePath);

        var history = pool.Slot(ModelNames.Champion).History;
        await Eventually.AssertAsync(() => Task.FromResult(history.Recent()[0].Outcome == ReloadOutcome.Missing), "the watcher to see the deletion");
        Assert.Contains("still serving", history.Recent()[0].Message, StringComparison.Ordinal);
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, pool.GetServedModel(ModelNames.Champion)!.Version);
        Assert.True(pool.Predict(ModelNames.Champion, Applicant).Probability is > 0 and < 1);
    }

    [Fact]
    public async Task A_burst_of_reload_requests_is_answered_by_few_loads()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var host = await StartAsync(pool => pool.FromFile(ModelNames.Champion, model.BundlePath, watchForChanges: false));
        var pool = host.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => pool.ReloadAsync(ModelNames.Champion, "burst")));

        Assert.All(outcomes, o => Assert.Equal(ReloadOutcome.Loaded, o.Outcome));
        var loads = pool.Slot(ModelNames.Champion).History.Recent().Count(e => e.Trigger.Contains("burst", StringComparison.Ordinal));
        Assert.InRange(loads, 1, 3);
    }

    [Fact]
    public async Task A_model_with_an_empty_path_is_not_registered()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var host = await StartAsync(pool => pool
            .FromFile(ModelNames.Champion, model.BundlePath, watchForChanges: false)
            .FromFile(ModelNames.Challenger, _ => null, watchForChanges: true));
        var pool = host.Services.GetRequiredService<PredictionEnginePool<ApplicantInput, RiskPrediction>>();

        Assert.Equal([ModelNames.Champion], pool.ModelNames);
        Assert.False(pool.Contains(ModelNames.Challenger));
    }

    private static async Task<IHost> StartAsync(Action<PredictionEnginePoolBuilder<ApplicantInput, RiskPrediction>> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<ModelOptions>(o => o.DebounceMilliseconds = 100);
        builder.Services.AddSingleton<IServableModelLoader, ModelLoader>();
        configure(builder.Services.AddPredictionEnginePool<ApplicantInput, RiskPrediction>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
