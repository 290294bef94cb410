namespace RiskFlag.Core.Engine;

public sealed partial class Booster
{
    private static readonly string ValueConfig = PredictionConfig.ForMatrix(PredictionConfig.Value);
    private static readonly string ContributionsConfig = PredictionConfig.ForMatrix(PredictionConfig.Contributions);
    private static readonly string ApproximateContributionsConfig = PredictionConfig.ForMatrix(PredictionConfig.ApproximateContributions);
    private static readonly string DenseValueConfig = PredictionConfig.ForDense(PredictionConfig.Value);

    /// <summary>One prediction per row, after the objective's transform (probabilities for binary:logistic).</summary>
    public float[] Predict(DMatrix data)
    {
        return PredictMatrix(data, ValueConfig);
    }

    /// <summary>Same as <see cref="Predict"/>, straight from a row-major block (NaN = missing) without building a DMatrix.</summary>
    public unsafe float[] PredictDense(ReadOnlySpan<float> rowMajor, int rows, int columns)
    {
        DenseShape.Validate(rowMajor.Length, rows, columns, nameof(rowMajor));
        fixed (float* data = rowMajor)
        {
            string arrayInterface = PredictionConfig.DenseArrayInterface((nint)data, rows, columns);
            XGBoostResult.Check(XGBoostNative.XGBoosterPredictFromDense(
                Handle, arrayInterface, DenseValueConfig, proxy: 0, out ulong* shape, out ulong dimensions, out float* result));
            return CopyResult(shape, dimensions, result);
        }
    }

    /// <summary>
    /// Per-feature contributions to the margin, row-major rows × (features + 1) with the bias last; each row sums
    /// to the margin. Exact = TreeSHAP (pred_contribs); approximate = Saabas (approx_contribs), much cheaper.
    /// </summary>
    public float[] PredictContributions(DMatrix data, bool approximate)
    {
        return PredictMatrix(data, approximate ? ApproximateContributionsConfig : ContributionsConfig);
    }

    private unsafe float[] PredictMatrix(DMatrix data, string config)
    {
        ArgumentNullException.ThrowIfNull(data);
        XGBoostResult.Check(XGBoostNative.XGBoosterPredictFromDMatrix(
            Handle, data.Handle, config, out ulong* shape, out ulong dimensions, out float* result));
        return CopyResult(shape, dimensions, result);
    }

    // The library reuses these buffers on the next call from this thread, so copy before returning.
    private static unsafe float[] CopyResult(ulong* shape, ulong dimensions, float* result)
    {
        ulong length = 1;
        for (ulong i = 0; i < dimensions; i++)
        {
            length *= shape[i];
        }

        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }
}
