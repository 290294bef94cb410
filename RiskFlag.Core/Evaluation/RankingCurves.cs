namespace RiskFlag.Core.Evaluation;

/// <summary>Full-resolution ROC and precision-recall curves: one vertex per distinct score.</summary>
internal static class RankingCurves
{
    /// <summary>(FPR, TPR) from (0, 0) to (1, 1); empty unless both classes are present.</summary>
    public static List<CurvePoint> Roc(ScoreRanking ranking)
    {
        List<CurvePoint> points = [];
        if (!ranking.HasBothClasses)
        {
            return points;
        }

        points.Capacity = ranking.Count + 1;
        points.Add(new CurvePoint(0.0, 0.0));
        for (int i = 0; i < ranking.Count; i++)
        {
            points.Add(new CurvePoint(
                ranking.CumulativeNegative[i] / ranking.TotalNegative,
                ranking.CumulativePositive[i] / ranking.TotalPositive));
        }

        return points;
    }

    /// <summary>
    /// (recall, precision) by decreasing threshold; empty unless both classes are present. It opens at recall 0 with
    /// the first threshold's precision rather than sklearn's conventional precision 1, so the step area is exactly
    /// the average precision and the chart shows no precision the model never achieved.
    /// </summary>
    public static List<CurvePoint> PrecisionRecall(ScoreRanking ranking)
    {
        List<CurvePoint> points = [];
        if (!ranking.HasBothClasses)
        {
            return points;
        }

        points.Capacity = ranking.Count + 1;
        for (int i = 0; i < ranking.Count; i++)
        {
            double truePositives = ranking.CumulativePositive[i];
            double precision = truePositives / (truePositives + ranking.CumulativeNegative[i]);
            if (i == 0)
            {
                points.Add(new CurvePoint(0.0, precision));
            }

            points.Add(new CurvePoint(truePositives / ranking.TotalPositive, precision));
        }

        return points;
    }
}
