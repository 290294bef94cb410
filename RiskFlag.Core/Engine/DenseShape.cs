namespace RiskFlag.Core.Engine;

/// <summary>Argument checks for row-major dense blocks handed to the native library, which trusts whatever it is given.</summary>
internal static class DenseShape
{
    internal static void Validate(int length, int rows, int columns, string parameterName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if ((long)rows * columns != length)
        {
            throw new ArgumentException($"Expected {rows} × {columns} = {(long)rows * columns} values, got {length}.", parameterName);
        }
    }
}
