using Microsoft.Win32.SafeHandles;

namespace RiskFlag.Core.Engine;

/// <summary>Owns a native DMatrixHandle so it is freed exactly once, even if the owner is never disposed.</summary>
internal sealed class DMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    // The interop source generator creates instances through this constructor for out parameters.
    public DMatrixHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        return XGBoostNative.XGDMatrixFree(handle) == 0;
    }
}
