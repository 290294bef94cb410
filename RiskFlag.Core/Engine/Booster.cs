using System.Globalization;
using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

/// <summary>
/// A trained XGBoost model held by the native library: training, batch prediction and (de)serialisation.
/// </summary>
/// <remarks>
/// Not for concurrent use: XGBoost keeps per-booster caches and thread-local result buffers, so give each
/// thread its own booster or serialise access. Online scoring goes through <see cref="TreeEnsemble"/>, which is
/// immutable and thread-safe.
/// </remarks>
public sealed partial class Booster : IDisposable
{
    // Stored as model attributes so that a saved and reloaded model still knows where early stopping ended.
    private const string BestIterationAttribute = "best_iteration";
    private const string BestScoreAttribute = "best_score";

    private readonly BoosterHandle _handle;

    private Booster(BoosterHandle handle)
    {
        _handle = handle;
        XGBoostResult.Check(XGBoostNative.XGBoosterBoostedRounds(handle, out int rounds));
        Rounds = rounds;
        BestIteration = ReadAttribute(handle, BestIterationAttribute) is string iteration
            ? int.Parse(iteration, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : rounds - 1;
        BestScore = ReadAttribute(handle, BestScoreAttribute) is string score
            ? double.Parse(score, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Number of boosting rounds (trees, for a single-output model) the booster holds.</summary>
    public int Rounds { get; }

    /// <summary>Zero-based index of the last round kept; <see cref="Rounds"/> - 1 unless set by training.</summary>
    public int BestIteration { get; }

    /// <summary>Validation score (first metric) of the rounds kept, or null when trained without validation data.</summary>
    public double? BestScore { get; }

    private BoosterHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    public static unsafe Booster LoadModelJson(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            throw new ArgumentException("The model is empty.", nameof(json));
        }

        BoosterHandle handle = CreateHandle(train: null, validation: null);
        try
        {
            fixed (byte* buffer = json)
            {
                XGBoostResult.Check(XGBoostNative.XGBoosterLoadModelFromBuffer(handle, buffer, (ulong)json.Length));
            }

            return new Booster(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The model in XGBoost's JSON format (UTF-8), readable by <see cref="TreeEnsemble.FromModelJson"/>.</summary>
    public unsafe byte[] SaveModelJson()
    {
        XGBoostResult.Check(XGBoostNative.XGBoosterSaveModelToBuffer(Handle, """{"format":"json"}""", out ulong length, out byte* buffer));
        return new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();
    }

    public void Dispose()
    {
        _handle.Dispose();
    }

    /// <param name="train">Training data to cache, if any.</param>
    /// <param name="validation">Validation data to cache, if any.</param>
    private static unsafe BoosterHandle CreateHandle(DMatrix? train, DMatrix? validation)
    {
        // XGBoost keeps prediction caches for these matrices, which makes per-round evaluation incremental.
        using RawHandleLease trainLease = train is null ? default : new RawHandleLease(train.Handle);
        using RawHandleLease validationLease = validation is null ? default : new RawHandleLease(validation.Handle);
        nint* cache = stackalloc nint[2];
        int count = 0;
        if (train is not null)
        {
            cache[count++] = trainLease.Value;
        }

        if (validation is not null)
        {
            cache[count++] = validationLease.Value;
        }

        XGBoostResult.Check(XGBoostNative.XGBoosterCreate(cache, (ulong)count, out BoosterHandle handle));
        return handle;
    }

    private static string? ReadAttribute(BoosterHandle handle, string key)
    {
        XGBoostResult.Check(XGBoostNative.XGBoosterGetAttr(handle, key, out nint value, out int found));
        return found == 0 ? null : Marshal.PtrToStringUTF8(value);
    }
}
