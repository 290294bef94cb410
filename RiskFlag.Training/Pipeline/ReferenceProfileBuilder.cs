using RiskFlag.Core.Bundle;
using RiskFlag.Core.Features;
using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>Summarises each model input of the training rows as ten quantile bins, for drift checks.</summary>
public static class ReferenceProfileBuilder
{
    public const int Bins = 10;

    public static ReferenceProfile Build(FeaturePipeline pipeline, IReadOnlyList<TrainingExample> examples, double flaggedShare)
    {
        var width = pipeline.Width;
        var matrix = pipeline.TransformMany(examples.Select(e => ApplicantInput.From(e.Applicant)), examples.Count);
        var columns = new (float Value, int Weight)[width][];
        for (var f = 0; f < width; f++)
        {
            columns[f] = new (float, int)[examples.Count];
            for (var row = 0; row < examples.Count; row++)
            {
                columns[f][row] = (matrix[(row * width) + f], examples[row].Copies);
            }
        }

        var features = pipeline.Schema.Features.Select((definition, f) => Describe(definition.Name, columns[f])).ToList();
        var rows = examples.Sum(e => (double)e.Copies);
        var positives = examples.Sum(e => (double)e.Copies * e.Label);
        return new ReferenceProfile(features, rows == 0 ? 0 : positives / rows, flaggedShare);
    }

    private static FeatureReference Describe(string name, (float Value, int Weight)[] column)
    {
        Array.Sort(column, (a, b) => a.Value.CompareTo(b.Value));
        var total = column.Sum(c => (double)c.Weight);
        var edges = new List<float>();
        var cumulative = 0.0;
        var next = 1;
        foreach (var (value, weight) in column)
        {
            cumulative += weight;
            // An edge sits at the value where the cumulative share passes the next decile; ties collapse bins.
            if (next < Bins && cumulative / total >= (double)next / Bins)
            {
                if (edges.Count == 0 || edges[^1] < value)
                {
                    edges.Add(value);
                }

                while (next < Bins && cumulative / total >= (double)next / Bins)
                {
                    next++;
                }
            }
        }

        if (edges.Count > 0 && edges[^1] >= column[^1].Value)
        {
            edges.RemoveAt(edges.Count - 1);
        }

        var reference = new FeatureReference(name, edges, new double[edges.Count + 1]);
        var counts = new double[edges.Count + 1];
        foreach (var (value, weight) in column)
        {
            counts[reference.BinOf(value)] += weight;
        }

        return reference with { Proportions = counts.Select(c => c / total).ToArray() };
    }
}
