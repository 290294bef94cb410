using System.Runtime.CompilerServices;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Drift;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// One drift window per loaded model, compared with that model's own reference profile: after a reload the new
/// model starts an empty window instead of judging its inputs against the old model's training data. Keyed weakly,
/// so a replaced model's window goes when the last request scoring with it is done.
/// </summary>
public sealed class ModelDriftWindows
{
    private readonly ConditionalWeakTable<ServedRiskModel, InputDriftMonitor?> _windows = new();
    private readonly ConditionalWeakTable<ServedRiskModel, InputDriftMonitor?>.CreateValueCallback _create;
    private readonly bool _enabled;

    public ModelDriftWindows(IOptions<MonitoringOptions> options)
    {
        _enabled = options.Value.Enabled;
        var size = options.Value.DriftWindow;
        _create = model => Fits(model) ? new InputDriftMonitor(model.Bundle.Reference, size) : null;
    }

    /// <returns>Null when monitoring is off or the bundle's reference profile does not describe its inputs.</returns>
    public InputDriftMonitor? For(ServedRiskModel model)
    {
        if (!_enabled)
        {
            return null;
        }

        return _windows.TryGetValue(model, out var window) ? window : _windows.GetValue(model, _create);
    }

    // A profile that does not match the model's inputs would make every observation throw; such a model scores
    // without a drift window rather than not at all.
    private static bool Fits(ServedRiskModel model)
    {
        var features = model.Bundle.Reference.Features;
        return features.Count == model.Risk.Schema.Width && features.All(f => f.Proportions.Count is > 0 and <= byte.MaxValue);
    }
}
