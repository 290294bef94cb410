using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

/// <summary>
/// The subset of XGBoost 1.7's C API (c_api.h) that RiskFlag uses. Every function returns 0 on success
/// and -1 on failure; callers pass the code to <see cref="XGBoostResult.Check"/>.
/// Pointers the library hands back (strings, prediction buffers) live in thread-local storage and are
/// overwritten by the next call on the same thread, so they are copied before anything else is called.
/// </summary>
internal static unsafe partial class XGBoostNative
{
    // The soname from Debian's libxgboost0; dlopen resolves it through the linker cache.
    private const string LibraryName = "libxgboost.so.0";

    [LibraryImport(LibraryName)]
    internal static partial nint XGBGetLastError();

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out DMatrixHandle handle);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* values, ulong length);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumRow(DMatrixHandle handle, out ulong rows);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumCol(DMatrixHandle handle, out ulong columns);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixFree(nint handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterCreate(nint* cachedMatrices, ulong length, out BoosterHandle handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterFree(nint handle);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetAttr(BoosterHandle handle, string key, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterGetAttr(BoosterHandle handle, string key, out nint value, out int found);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterEvalOneIter(BoosterHandle handle, int iteration, nint* matrices, byte** names, ulong length, out nint result);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterBoostedRounds(BoosterHandle handle, out int rounds);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterGetNumFeature(BoosterHandle handle, out ulong features);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterSlice(BoosterHandle handle, int beginLayer, int endLayer, int step, out BoosterHandle sliced);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDMatrix(
        BoosterHandle handle, DMatrixHandle data, string config, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDense(
        BoosterHandle handle, string arrayInterface, string config, nint proxy, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out byte* buffer);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, byte* buffer, ulong length);
}
