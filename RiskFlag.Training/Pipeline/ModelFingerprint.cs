using System.Security.Cryptography;

using Microsoft.ML.Trainers.FastTree;

using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>A hash of everything that decides a model's answers: the trees and the encoding tables.</summary>
public static class ModelFingerprint
{
    public static string Of(RegressionTreeEnsemble ensemble, FeatureEncodings encodings)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        writer.Write(ensemble.Bias);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            writer.Write(ensemble.TreeWeights[t]);
            foreach (var value in tree.NumericalSplitFeatureIndexes)
            {
                writer.Write(value);
            }

            foreach (var value in tree.NumericalSplitThresholds)
            {
                writer.Write(value);
            }

            foreach (var value in tree.LeftChild.Concat(tree.RightChild))
            {
                writer.Write(value);
            }

            foreach (var value in tree.LeafValues)
            {
                writer.Write(value);
            }
        }

        foreach (var encoding in new[] { encodings.City, encodings.State, encodings.Profession })
        {
            writer.Write(encoding.Prior);
            foreach (var (key, value) in encoding.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(value);
            }
        }

        writer.Flush();
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
