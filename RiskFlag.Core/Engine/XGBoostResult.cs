using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

/// <summary>Turns XGBoost's C-style return codes into exceptions.</summary>
internal static class XGBoostResult
{
    /// <summary>
    /// Throws <see cref="XGBoostException"/> with XGBGetLastError's text when <paramref name="code"/> is non-zero.
    /// Must run on the thread that made the failing call: the error text is thread-local.
    /// </summary>
    internal static void Check(int code)
    {
        if (code != 0)
        {
            throw new XGBoostException(LastError());
        }
    }

    private static string LastError()
    {
        string? message = Marshal.PtrToStringUTF8(XGBoostNative.XGBGetLastError());
        return string.IsNullOrWhiteSpace(message) ? "XGBoost reported an error without a message." : message.Trim();
    }
}
