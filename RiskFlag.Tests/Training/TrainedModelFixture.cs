using RiskFlag.Core.Bundle;
using RiskFlag.Training.Commands;
using RiskFlag.Training.Pipeline;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Training;

/// <summary>Generates a small labelled file and trains one bundle, shared by the tests that need a model.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("riskflag-tests-").FullName;
        DataPath = Path.Combine(Directory, "applicants.csv");
        using (var writer = new StreamWriter(DataPath))
        {
            new SyntheticApplicantGenerator(seed: 7).WriteCsv(writer, Rows);
        }

        Parameters = TrainingParameters.Load(TrainCommand.DefaultParamsPath) with
        {
            Boosting = TrainingParameters.Load(TrainCommand.DefaultParamsPath).Boosting with { Rounds = 200, EarlyStoppingRounds = 30 },
        };
        Model = new ModelTrainer(Parameters, TextWriter.Null).Train([DataPath]);
        BundlePath = Path.Combine(Directory, ModelBundle.FileName);
        Model.Write(BundlePath);
    }

    public const int Rows = 20_000;

    public string Directory { get; }

    public string DataPath { get; }

    public string BundlePath { get; }

    public TrainingParameters Parameters { get; }

    public TrainedModel Model { get; }

    public ModelBundle Bundle => Model.Bundle;

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class TrainedModelGroup : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
