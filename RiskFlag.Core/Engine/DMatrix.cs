namespace RiskFlag.Core.Engine;

/// <summary>
/// XGBoost's in-memory data matrix: features (NaN = missing) plus optional labels and weights for training.
/// The native copy is independent of the spans it was built from.
/// </summary>
public sealed class DMatrix : IDisposable
{
    private readonly DMatrixHandle _handle;

    private DMatrix(DMatrixHandle handle, int rows, int columns)
    {
        _handle = handle;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    internal DMatrixHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Copies a row-major <paramref name="rows"/> × <paramref name="columns"/> block into a new matrix.</summary>
    /// <param name="labels">Empty, or one label per row.</param>
    /// <param name="weights">Empty, or one instance weight per row.</param>
    public static unsafe DMatrix FromDense(
        ReadOnlySpan<float> rowMajor,
        int rows,
        int columns,
        ReadOnlySpan<float> labels = default,
        ReadOnlySpan<float> weights = default)
    {
        DenseShape.Validate(rowMajor.Length, rows, columns, nameof(rowMajor));
        RequireEmptyOrOnePerRow(labels.Length, rows, nameof(labels));
        RequireEmptyOrOnePerRow(weights.Length, rows, nameof(weights));

        DMatrixHandle handle;
        fixed (float* data = rowMajor)
        {
            XGBoostResult.Check(XGBoostNative.XGDMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, float.NaN, out handle));
        }

        try
        {
            SetFloatInfo(handle, "label", labels);
            SetFloatInfo(handle, "weight", weights);
            return new DMatrix(handle, rows, columns);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _handle.Dispose();
    }

    private static unsafe void SetFloatInfo(DMatrixHandle handle, string field, ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        fixed (float* data = values)
        {
            XGBoostResult.Check(XGBoostNative.XGDMatrixSetFloatInfo(handle, field, data, (ulong)values.Length));
        }
    }

    private static void RequireEmptyOrOnePerRow(int length, int rows, string parameterName)
    {
        if (length != 0 && length != rows)
        {
            throw new ArgumentException($"Expected no values or one per row ({rows}), got {length}.", parameterName);
        }
    }
}
