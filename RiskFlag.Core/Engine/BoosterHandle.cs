using Microsoft.Win32.SafeHandles;

namespace RiskFlag.Core.Engine;

/// <summary>Owns a native BoosterHandle so it is freed exactly once, even if the owner is never disposed.</summary>
internal sealed class BoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    // The interop source generator creates instances through this constructor for out parameters.
    public BoosterHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        return XGBoostNative.XGBoosterFree(handle) == 0;
    }
}
