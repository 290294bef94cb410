using System.Globalization;

namespace RiskFlag.Core.Engine;

/// <summary>The JSON documents XGBoost 1.7's prediction entry points take instead of arguments.</summary>
internal static class PredictionConfig
{
    // Values of the "type" field (XGBoost's PredictionType).
    internal const int Value = 0;
    internal const int Contributions = 2;
    internal const int ApproximateContributions = 3;

    /// <summary>Config for XGBoosterPredictFromDMatrix over all rounds, without training-only behaviour such as dropout.</summary>
    internal static string ForMatrix(int type)
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"type":{{type}},"training":false,"iteration_begin":0,"iteration_end":0,"strict_shape":false}""");
    }

    /// <summary>
    /// Config for XGBoosterPredictFromDense. The call fails without "cache_id" (0 = no prediction cache), and
    /// "missing" must say NaN because the array interface carries no missing-value marker.
    /// </summary>
    internal static string ForDense(int type)
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"type":{{type}},"training":false,"iteration_begin":0,"iteration_end":0,"strict_shape":false,"cache_id":0,"missing":NaN}""");
    }

    /// <summary>
    /// A NumPy __array_interface__ (version 3) describing <paramref name="rows"/> × <paramref name="columns"/>
    /// little-endian float32 values at <paramref name="address"/>, which must stay pinned during the call.
    /// </summary>
    internal static string DenseArrayInterface(nint address, int rows, int columns)
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"data":[{{(long)address}},true],"shape":[{{rows}},{{columns}}],"strides":null,"typestr":"<f4","version":3}""");
    }
}
