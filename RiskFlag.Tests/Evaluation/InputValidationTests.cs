using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class InputValidationTests
{
    [Fact]
    public void LabelsOfDifferentLengthThrow()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BinaryClassificationEvaluator.Evaluate([0.1f, 0.2f], [0f], [], 0.5));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("1 elements but probabilities has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsOfDifferentLengthThrow()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BinaryClassificationEvaluator.BestF1Threshold([0.1f, 0.2f], [0f, 1f], [1f, 1f, 1f]));

        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void LabelOtherThanZeroOrOneThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BinaryClassificationEvaluator.Curves([0.1f, 0.2f], [0f, 2f], []));

        Assert.Contains("labels[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNProbabilityThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BinaryClassificationEvaluator.Evaluate([0.1f, float.NaN], [0f, 1f], [], 0.5));

        Assert.Equal("probabilities", error.ParamName);
    }

    [Fact]
    public void NegativeWeightThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => BinaryClassificationEvaluator.Evaluate([0.1f, 0.2f], [0f, 1f], [1f, -1f], 0.5));

        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void NonPositiveBinCountThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => BinaryClassificationEvaluator.Curves([0.1f], [0f], [], calibrationBins: 0));
    }
}
