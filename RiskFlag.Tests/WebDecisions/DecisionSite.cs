using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>A site with its own model folder whose decision log (SQLite) a test reads back.</summary>
public sealed class DecisionSite : IDisposable
{
    public DecisionSite(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        Factory = new RiskFlagWebFactory(Model, settings);
    }

    public ModelDirectory Model { get; }

    public RiskFlagWebFactory Factory { get; }

    public string DatabasePath => Path.Combine(Model.Path, "decisions.db");

    public IDecisionLogStore Store => Factory.Services.GetRequiredService<IDecisionLogStore>();

    public DecisionLogWriter Writer => Factory.Services.GetRequiredService<DecisionLogWriter>();

    /// <summary>Waits until the writer has stored at least <paramref name="count"/> decisions.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> DecisionsAsync(int count, DecisionQuery? query = null)
    {
        IReadOnlyList<DecisionRecord> found = [];
        await Eventually.AssertAsync(async () => (found = await Store.SearchAsync(query ?? new DecisionQuery())).Count >= count, $"{count} decisions");
        return found;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Model.Dispose();
    }
}
