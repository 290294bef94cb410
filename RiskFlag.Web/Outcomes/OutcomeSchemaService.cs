using RiskFlag.Core.Decisions;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// Creates the outcomes table at start-up, and the decision log's tables too: outcomes are matched against them even
/// when the site logs no new decisions.
/// </summary>
public sealed class OutcomeSchemaService(IDecisionLogStore decisions, IOutcomeStore outcomes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await decisions.EnsureSchemaAsync(cancellationToken);
        await outcomes.EnsureSchemaAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
