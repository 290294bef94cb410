namespace RiskFlag.Core.Engine;

/// <summary>
/// A call into the native XGBoost library failed; <see cref="Exception.Message"/> is the library's own
/// explanation (XGBGetLastError), so callers can show it without knowing the C API.
/// </summary>
public sealed class XGBoostException : Exception
{
    public XGBoostException()
    {
    }

    public XGBoostException(string message)
        : base(message)
    {
    }

    public XGBoostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
