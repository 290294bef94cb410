using System.Globalization;

namespace RiskFlag.Core.Engine;

/// <summary>
/// The first metric of an XGBoosterEvalOneIter line such as "[12]\tvalidation-logloss:0.4321\tvalidation-auc:0.91".
/// </summary>
internal readonly record struct EvaluationLine(string MetricName, double Score)
{
    internal static EvaluationLine ParseFirstMetric(string line, string dataName)
    {
        string prefix = "\t" + dataName + "-";
        int start = line.IndexOf(prefix, StringComparison.Ordinal);
        int colon = start < 0 ? -1 : line.IndexOf(':', start);
        if (colon < 0)
        {
            throw new FormatException($"No metric for '{dataName}' in XGBoost evaluation output '{line}'.");
        }

        int nameStart = start + prefix.Length;
        int valueEnd = line.IndexOf('\t', colon);
        string value = valueEnd < 0 ? line[(colon + 1)..] : line[(colon + 1)..valueEnd];
        return new EvaluationLine(line[nameStart..colon], double.Parse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
