using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class EvaluationCurvesTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void HandExampleRocHasOneVertexPerDistinctScore()
    {
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, []);

        Assert.Equal(
            [new(0, 0), new(0, 0.5), new(0.5, 0.5), new(0.5, 1), new(1, 1)],
            curves.Roc);
    }

    [Fact]
    public void HandExamplePrecisionRecallStartsAtFirstPrecision()
    {
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, []);

        Assert.Equal(
            [new(0, 1), new(0.5, 1), new(0.5, 0.5), new(1, 2.0 / 3.0), new(1, 0.5)],
            curves.PrecisionRecall);
    }

    [Fact]
    public void CurveAreasEqualTheMetrics()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(1_000, seed: 31, signal: 0.6, decimals: 2);

        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(scores, labels, []);
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        double trapezoids = 0.0;
        double steps = 0.0;
        for (int i = 1; i < curves.Roc.Count; i++)
        {
            trapezoids += (curves.Roc[i].X - curves.Roc[i - 1].X) * (curves.Roc[i].Y + curves.Roc[i - 1].Y) / 2.0;
        }

        for (int i = 1; i < curves.PrecisionRecall.Count; i++)
        {
            steps += (curves.PrecisionRecall[i].X - curves.PrecisionRecall[i - 1].X) * curves.PrecisionRecall[i].Y;
        }

        Assert.Equal(metrics.RocAuc, trapezoids, 1e-9);
        Assert.Equal(metrics.PrAuc, steps, 1e-9);
    }

    [Fact]
    public void LargeDataSetCurvesAreDownsampledWithEndpointsKept()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(250_000, seed: 32, signal: 0.8, decimals: 6, positiveRate: 0.12);

        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(scores, labels, []);
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.InRange(curves.Roc.Count, 100, CurveDownsampler.DefaultMaxPoints);
        Assert.Equal(new CurvePoint(0, 0), curves.Roc[0]);
        Assert.Equal(new CurvePoint(1, 1), curves.Roc[^1]);
        Assert.InRange(curves.PrecisionRecall.Count, 100, CurveDownsampler.DefaultMaxPoints);
        Assert.Equal(0.0, curves.PrecisionRecall[0].X);
        Assert.Equal(1.0, curves.PrecisionRecall[^1].X);
        Assert.Equal(metrics.Positives / metrics.Rows, curves.PrecisionRecall[^1].Y, Tolerance);
    }

    [Fact]
    public void CalibrationAveragesEachEqualWidthBin()
    {
        // Bin [0, 0.5): 0.1, 0.4, 0.35 with one positive. Bin [0.5, 1]: 0.8, positive.
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], calibrationBins: 2);

        Assert.Equal(2, curves.Calibration.Count);
        Assert.Equal((0.1f + 0.4f + 0.35f) / 3.0, curves.Calibration[0].MeanPredicted, 1e-7);
        Assert.Equal(1.0 / 3.0, curves.Calibration[0].ObservedRate, Tolerance);
        Assert.Equal(3.0, curves.Calibration[0].Weight);
        Assert.Equal(0.8f, curves.Calibration[1].MeanPredicted, Tolerance);
        Assert.Equal(1.0, curves.Calibration[1].ObservedRate);
        Assert.Equal(1.0, curves.Calibration[1].Weight);
    }

    [Fact]
    public void CalibrationOmitsEmptyBinsAndPutsOneInTheTopBin()
    {
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves([0.05f, 1f], [0f, 1f], [], calibrationBins: 10);

        Assert.Equal([new CalibrationBin(0.05f, 0, 1), new CalibrationBin(1, 1, 1)], curves.Calibration);
    }

    [Fact]
    public void SingleClassGivesEmptyRankingCurvesButCalibration()
    {
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves([0.2f, 0.7f], [0f, 0f], []);

        Assert.Empty(curves.Roc);
        Assert.Empty(curves.PrecisionRecall);
        Assert.Equal(2, curves.Calibration.Count);
    }

    [Fact]
    public void EmptyInputGivesEmptyCurves()
    {
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves([], [], []);

        Assert.Empty(curves.Roc);
        Assert.Empty(curves.PrecisionRecall);
        Assert.Empty(curves.Calibration);
    }
}
