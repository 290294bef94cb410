namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Thins a curve for drawing. A 250k-row validation set has up to 250k distinct scores, far more vertices than a
/// 400-pixel chart can show; keeping points evenly spaced along the curve's length preserves its shape (steep parts
/// get as many points as flat parts) while bounding the SVG size.
/// </summary>
internal static class CurveDownsampler
{
    public const int DefaultMaxPoints = 200;

    /// <returns>At most <paramref name="maxPoints"/> points, always including the first and the last.</returns>
    public static IReadOnlyList<CurvePoint> Downsample(IReadOnlyList<CurvePoint> points, int maxPoints = DefaultMaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (points.Count <= maxPoints)
        {
            return [.. points];
        }

        double length = 0.0;
        for (int i = 1; i < points.Count; i++)
        {
            length += Distance(points[i - 1], points[i]);
        }

        // Each kept interior point is at least one spacing (in path length) past the previous one, so no more than
        // maxPoints - 2 interior points fit; the count check only guards against rounding.
        double spacing = length / (maxPoints - 2);
        List<CurvePoint> kept = new(maxPoints) { points[0] };
        CurvePoint lastKept = points[0];
        for (int i = 1; i < points.Count - 1 && kept.Count < maxPoints - 1; i++)
        {
            if (spacing > 0.0 && Distance(lastKept, points[i]) >= spacing)
            {
                kept.Add(points[i]);
                lastKept = points[i];
            }
        }

        kept.Add(points[^1]);
        return kept;
    }

    // Manhattan distance suits curves drawn as steps, and obeys the triangle inequality the bound above relies on.
    private static double Distance(CurvePoint a, CurvePoint b)
    {
        return Math.Abs(b.X - a.X) + Math.Abs(b.Y - a.Y);
    }
}
