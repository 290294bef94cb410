using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

/// <summary>
/// One native booster trained on synthetic data, its JSON, and the managed ensemble read from that JSON, shared by
/// every test in <see cref="TrainedModelCollectionDefinition"/> (a Booster is not for concurrent use, so they run serially).
/// </summary>
public sealed class TrainedModelFixture : IDisposable
{
    public const int TrainingRows = 5_000;
    public const int EvaluationRows = 3_000;
    public const int Rounds = 60;

    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>
    {
        ["objective"] = "binary:logistic",
        ["eta"] = "0.15",
        ["max_depth"] = "6",
        ["tree_method"] = "hist",
        ["nthread"] = "2",
        ["seed"] = "7",
        ["eval_metric"] = "logloss",
    };

    public TrainedModelFixture()
    {
        LabeledRows training = SyntheticCreditData.Generate(TrainingRows, seed: 11);
        using DMatrix train = DMatrix.FromDense(training.Features, training.Rows, training.Columns, training.Labels);
        Booster = Booster.Train(train, Parameters, Rounds);
        ModelJson = Booster.SaveModelJson();
        Ensemble = TreeEnsemble.FromModelJson(ModelJson);
        Evaluation = SyntheticCreditData.Generate(EvaluationRows, seed: 23);
        EvaluationMatrix = DMatrix.FromDense(Evaluation.Features, Evaluation.Rows, Evaluation.Columns);
    }

    internal Booster Booster { get; }

    internal byte[] ModelJson { get; }

    internal TreeEnsemble Ensemble { get; }

    internal LabeledRows Evaluation { get; }

    internal DMatrix EvaluationMatrix { get; }

    public void Dispose()
    {
        EvaluationMatrix.Dispose();
        Booster.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollectionDefinition : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "Trained XGBoost model";
}
