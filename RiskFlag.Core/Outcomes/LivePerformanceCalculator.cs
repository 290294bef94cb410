using RiskFlag.Core.Evaluation;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Live performance from the recorded outcomes, with the same evaluator the trainer uses, so a live AUC and a training
/// AUC are the same quantity. Holds about 12 bytes per outcome and group (each outcome is in two: all channels and its
/// own) while it computes, and a copy of each group's scores to rank them.
/// </summary>
public static class LivePerformanceCalculator
{
    public const int CalibrationBins = 10;

    /// <returns>For each model version: all channels first, then each channel; model versions by name.</returns>
    public static async Task<IReadOnlyList<LivePerformance>> MeasureAsync(
        IOutcomeStore store, OutcomeQuery query, int minimumOutcomes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumOutcomes, 1);
        var groups = new SortedDictionary<(string Model, string Channel), Group>(Comparer<(string, string)>.Create(static (a, b) =>
        {
            var byModel = string.CompareOrdinal(a.Item1, b.Item1);
            return byModel != 0 ? byModel
                : a.Item2 == LivePerformance.AllChannels ? (b.Item2 == LivePerformance.AllChannels ? 0 : -1)
                : b.Item2 == LivePerformance.AllChannels ? 1 : string.CompareOrdinal(a.Item2, b.Item2);
        }));
        await foreach (var outcome in store.ReadAsync(query, cancellationToken))
        {
            foreach (var channel in (ReadOnlySpan<string>)[LivePerformance.AllChannels, outcome.Channel])
            {
                if (!groups.TryGetValue((outcome.ModelVersion, channel), out var group))
                {
                    groups[(outcome.ModelVersion, channel)] = group = new Group(outcome.Threshold);
                }

                group.Add(outcome);
            }
        }

        return [.. groups.Select(pair => pair.Value.Measure(pair.Key.Model, pair.Key.Channel, minimumOutcomes))];
    }

    /// <summary>The Monday (UTC) of the week a time falls in.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private sealed class Group(double threshold)
    {
        private readonly List<float> _probabilities = [];
        private readonly List<float> _labels = [];
        private readonly List<DateOnly> _weeks = [];
        private double _probabilitySum;

        public void Add(OutcomeRecord outcome)
        {
            _probabilities.Add((float)outcome.Probability);
            _labels.Add(outcome.Defaulted ? 1f : 0f);
            _weeks.Add(WeekOf(outcome.DecidedAt));
            _probabilitySum += outcome.Probability;
        }

        public LivePerformance Measure(string model, string channel, int minimumOutcomes)
        {
            var probabilities = _probabilities.ToArray();
            var labels = _labels.ToArray();
            var defaults = labels.Count(l => l == 1f);
            var enough = probabilities.Length >= minimumOutcomes;
            var metrics = enough ? BinaryClassificationEvaluator.Evaluate(probabilities, labels, [], threshold) : null;
            var curves = enough ? BinaryClassificationEvaluator.Curves(probabilities, labels, [], CalibrationBins) : null;
            return new LivePerformance(
                model, channel, probabilities.Length, defaults, minimumOutcomes, threshold,
                probabilities.Length == 0 ? double.NaN : _probabilitySum / probabilities.Length, metrics, curves, Weekly(probabilities, labels, minimumOutcomes));
        }

        private List<WeeklyPerformance> Weekly(float[] probabilities, float[] labels, int minimumOutcomes)
        {
            // Outcomes arrive oldest decision first, so each week's rows are one run.
            var weeks = new List<WeeklyPerformance>();
            for (var start = 0; start < probabilities.Length;)
            {
                var end = start;
                while (end < probabilities.Length && _weeks[end] == _weeks[start])
                {
                    end++;
                }

                var p = probabilities.AsSpan(start, end - start);
                var y = labels.AsSpan(start, end - start);
                var defaults = 0;
                foreach (var label in y)
                {
                    defaults += label == 1f ? 1 : 0;
                }

                var metrics = p.Length >= minimumOutcomes ? BinaryClassificationEvaluator.Evaluate(p, y, [], threshold) : null;
                weeks.Add(new WeeklyPerformance(_weeks[start], p.Length, defaults, metrics?.RocAuc ?? double.NaN, metrics?.Brier ?? double.NaN));
                start = end;
            }

            return weeks;
        }
    }
}
