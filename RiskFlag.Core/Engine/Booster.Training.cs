using System.Globalization;
using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

public sealed partial class Booster
{
    private const string ValidationName = "validation";

    /// <summary>
    /// Trains up to <paramref name="rounds"/> boosting rounds with XGBoost <paramref name="parameters"/>
    /// (objective, eta, max_depth, tree_method, nthread, seed, eval_metric, ...).
    /// </summary>
    /// <remarks>
    /// With <paramref name="validation"/>, the first eval_metric is computed on it after every round. With
    /// <paramref name="earlyStoppingRounds"/> &gt; 0 as well, training stops once that many rounds pass without
    /// improvement and the returned booster keeps only rounds 0..<see cref="BestIteration"/>.
    /// </remarks>
    public static Booster Train(
        DMatrix train,
        IReadOnlyDictionary<string, string> parameters,
        int rounds,
        DMatrix? validation = null,
        int earlyStoppingRounds = 0,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        ArgumentOutOfRangeException.ThrowIfNegative(earlyStoppingRounds);

        BoosterHandle handle = CreateHandle(train, validation);
        try
        {
            foreach ((string name, string value) in parameters)
            {
                XGBoostResult.Check(XGBoostNative.XGBoosterSetParam(handle, name, value));
            }

            (int bestIteration, double? bestScore) = Boost(handle, train, rounds, validation, earlyStoppingRounds, progress);
            BoosterHandle kept = KeepRounds(handle, bestIteration + 1);
            if (kept != handle)
            {
                handle.Dispose();
                handle = kept;
            }

            if (bestScore is double score)
            {
                SetAttribute(handle, BestIterationAttribute, bestIteration.ToString(CultureInfo.InvariantCulture));
                SetAttribute(handle, BestScoreAttribute, score.ToString("R", CultureInfo.InvariantCulture));
            }

            return new Booster(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static (int BestIteration, double? BestScore) Boost(
        BoosterHandle handle,
        DMatrix train,
        int rounds,
        DMatrix? validation,
        int earlyStoppingRounds,
        IProgress<TrainingProgress>? progress)
    {
        EarlyStopping? stopping = validation is not null && earlyStoppingRounds > 0 ? new EarlyStopping(earlyStoppingRounds) : null;
        int iteration = 0;
        double? lastScore = null;
        for (; iteration < rounds; iteration++)
        {
            XGBoostResult.Check(XGBoostNative.XGBoosterUpdateOneIter(handle, iteration, train.Handle));
            EvaluationLine? evaluation = validation is null ? null : Evaluate(handle, iteration, validation);
            lastScore = evaluation?.Score;
            progress?.Report(new TrainingProgress(iteration + 1, rounds, lastScore));
            if (stopping is not null && stopping.Observe(iteration, evaluation!.Value))
            {
                break;
            }
        }

        return stopping is null ? (rounds - 1, lastScore) : (stopping.BestIteration, stopping.BestScore);
    }

    private static unsafe EvaluationLine Evaluate(BoosterHandle handle, int iteration, DMatrix validation)
    {
        using var lease = new RawHandleLease(validation.Handle);
        nint matrix = lease.Value;
        // Same text as ValidationName, NUL-terminated for C.
        fixed (byte* name = "validation\0"u8)
        {
            byte* names = name;
            XGBoostResult.Check(XGBoostNative.XGBoosterEvalOneIter(handle, iteration, &matrix, &names, 1, out nint result));
            string line = Marshal.PtrToStringUTF8(result) ?? string.Empty;
            return EvaluationLine.ParseFirstMetric(line, ValidationName);
        }
    }

    /// <summary>Returns <paramref name="handle"/> itself when it already holds exactly <paramref name="count"/> rounds.</summary>
    private static BoosterHandle KeepRounds(BoosterHandle handle, int count)
    {
        XGBoostResult.Check(XGBoostNative.XGBoosterBoostedRounds(handle, out int boosted));
        if (boosted == count)
        {
            return handle;
        }

        XGBoostResult.Check(XGBoostNative.XGBoosterSlice(handle, 0, count, 1, out BoosterHandle sliced));
        return sliced;
    }

    private static void SetAttribute(BoosterHandle handle, string key, string value)
    {
        XGBoostResult.Check(XGBoostNative.XGBoosterSetAttr(handle, key, value));
    }
}
