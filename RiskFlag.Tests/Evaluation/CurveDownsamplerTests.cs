using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class CurveDownsamplerTests
{
    [Fact]
    public void ShortCurveIsKeptWhole()
    {
        CurvePoint[] points = [new(0, 0), new(0.3, 0.6), new(1, 1)];

        Assert.Equal(points, CurveDownsampler.Downsample(points));
    }

    [Fact]
    public void LongCurveKeepsEndpointsOrderAndLimit()
    {
        CurvePoint[] points = [.. Enumerable.Range(0, 100_001).Select(i => new CurvePoint(i / 100_000.0, Math.Sqrt(i / 100_000.0)))];

        IReadOnlyList<CurvePoint> thinned = CurveDownsampler.Downsample(points, maxPoints: 50);

        Assert.InRange(thinned.Count, 40, 50);
        Assert.Equal(points[0], thinned[0]);
        Assert.Equal(points[^1], thinned[^1]);
        for (int i = 1; i < thinned.Count; i++)
        {
            Assert.True(thinned[i].X > thinned[i - 1].X);
        }
    }

    [Fact]
    public void SteepStartKeepsPointsWhereTheCurveMoves()
    {
        // Half of the path length lies in the first 1% of the points (the vertical rise at X = 0).
        CurvePoint[] points = [.. Enumerable.Range(0, 10_001).Select(i => i <= 100 ? new CurvePoint(0, i / 100.0) : new CurvePoint((i - 100) / 9_900.0, 1))];

        IReadOnlyList<CurvePoint> thinned = CurveDownsampler.Downsample(points, maxPoints: 40);

        Assert.InRange(thinned.Count(point => point.X == 0.0), 15, 25);
    }

    [Fact]
    public void FlatCurveKeepsItsEndpoints()
    {
        CurvePoint[] points = [.. Enumerable.Repeat(new CurvePoint(0.5, 0.5), 1_000)];

        Assert.Equal(2, CurveDownsampler.Downsample(points, maxPoints: 10).Count);
    }
}
