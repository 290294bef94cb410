using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

/// <summary>
/// Keeps a SafeHandle alive while its raw value sits in a native array (XGBoost takes arrays of handles,
/// which the interop generator cannot marshal as SafeHandles).
/// </summary>
internal ref struct RawHandleLease : IDisposable
{
    private readonly SafeHandle _handle;
    private bool _added;

    public RawHandleLease(SafeHandle handle)
    {
        _handle = handle;
        _added = false;
        handle.DangerousAddRef(ref _added);
        Value = handle.DangerousGetHandle();
    }

    public nint Value { get; }

    public void Dispose()
    {
        if (_added)
        {
            _handle.DangerousRelease();
            _added = false;
        }
    }
}
