using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

[Collection(TrainedModelCollectionDefinition.Name)]
public sealed class BoosterTests(TrainedModelFixture model)
{
    [Fact]
    public void JsonRoundTripPredictsIdentically()
    {
        using Booster reloaded = Booster.LoadModelJson(model.ModelJson);

        Assert.Equal(model.Booster.Rounds, reloaded.Rounds);
        Assert.Equal(model.Booster.Predict(model.EvaluationMatrix), reloaded.Predict(model.EvaluationMatrix));
        Assert.Equal(model.ModelJson, reloaded.SaveModelJson());
    }

    [Fact]
    public void PredictDenseEqualsPredict()
    {
        LabeledRows rows = model.Evaluation;

        float[] dense = model.Booster.PredictDense(rows.Features, rows.Rows, rows.Columns);

        Assert.Equal(model.Booster.Predict(model.EvaluationMatrix), dense);
    }

    [Fact]
    public void PredictDenseOfASingleRowEqualsPredict()
    {
        float[] batch = model.Booster.Predict(model.EvaluationMatrix);

        for (int row = 0; row < 50; row++)
        {
            Assert.Equal(batch[row], model.Booster.PredictDense(model.Evaluation.Row(row), 1, model.Evaluation.Columns)[0]);
        }
    }

    [Fact]
    public void PredictionsAreProbabilities()
    {
        Assert.All(model.Booster.Predict(model.EvaluationMatrix), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void TrainingWithoutValidationKeepsEveryRoundAndHasNoScore()
    {
        Assert.Equal(TrainedModelFixture.Rounds - 1, model.Booster.BestIteration);
        Assert.Null(model.Booster.BestScore);
    }

    [Fact]
    public void InvalidParameterValueThrowsWithTheNativeMessage()
    {
        LabeledRows data = SyntheticCreditData.Generate(200, seed: 3);
        using DMatrix train = DMatrix.FromDense(data.Features, data.Rows, data.Columns, data.Labels);
        var parameters = new Dictionary<string, string>(TrainedModelFixture.Parameters) { ["max_depth"] = "banana" };

        XGBoostException error = Assert.Throws<XGBoostException>(() => Booster.Train(train, parameters, rounds: 3));

        Assert.Contains("max_depth", error.Message, StringComparison.Ordinal);
        Assert.Contains("banana", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptModelBytesThrowXGBoostException()
    {
        Assert.Throws<XGBoostException>(() => Booster.LoadModelJson("{\"learner\": 42}"u8));
    }

    [Fact]
    public void DisposingTwiceIsSafeAndUseAfterDisposeThrows()
    {
        LabeledRows data = SyntheticCreditData.Generate(200, seed: 4);
        DMatrix matrix = DMatrix.FromDense(data.Features, data.Rows, data.Columns, data.Labels);
        Booster booster = Booster.Train(matrix, TrainedModelFixture.Parameters, rounds: 2);

        booster.Dispose();
        booster.Dispose();
        Assert.Throws<ObjectDisposedException>(() => booster.Predict(model.EvaluationMatrix));

        matrix.Dispose();
        matrix.Dispose();
        Assert.Throws<ObjectDisposedException>(() => model.Booster.Predict(matrix));
    }

    [Fact]
    public void MatrixShapeMismatchesAreRejectedBeforeReachingNativeCode()
    {
        Assert.Throws<ArgumentException>(() => DMatrix.FromDense(new float[10], rows: 3, columns: 3));
        Assert.Throws<ArgumentException>(() => DMatrix.FromDense(new float[9], rows: 3, columns: 3, labels: new float[2]));
        Assert.Throws<ArgumentException>(() => model.Booster.PredictDense(new float[7], rows: 2, columns: 4));

        using DMatrix matrix = DMatrix.FromDense(new float[12], rows: 4, columns: 3, labels: new float[4], weights: new float[4]);
        Assert.Equal(4, matrix.Rows);
        Assert.Equal(3, matrix.Columns);
    }
}
