using RiskFlag.Core.Bundle;
using RiskFlag.Training.Commands;
using RiskFlag.Training.Pipeline;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Web;

/// <summary>
/// Two real bundles trained once per test run on small synthetic data and shared by every web test: training
/// takes seconds, so no test class trains its own. The second bundle differs so a swap is visible.
/// </summary>
public sealed class TrainedBundles
{
    public const int TrainingRows = 8_000;

    private static readonly Lazy<TrainedBundles> Instance = new(() => new TrainedBundles(), LazyThreadSafetyMode.ExecutionAndPublication);

    private TrainedBundles()
    {
        var directory = Directory.CreateTempSubdirectory("riskflag-web-training-");
        var data = Path.Combine(directory.FullName, "train.csv");
        using (var writer = new StreamWriter(data))
        {
            new SyntheticApplicantGenerator(seed: 5).WriteCsv(writer, TrainingRows);
        }

        var parameters = TrainingParameters.Load(TrainCommand.DefaultParamsPath);
        parameters = parameters with { Boosting = parameters.Boosting with { Rounds = 150 } };
        Primary = new ModelTrainer(parameters, TextWriter.Null).Train([data]);
        Secondary = Primary with { Bundle = Primary.Bundle with { Manifest = Primary.Manifest with { Version = Primary.Manifest.Version + "-b", Threshold = 0.5 } } };
        directory.Delete(recursive: true);
    }

    public static TrainedBundles Shared => Instance.Value;

    public TrainedModel Primary { get; }

    /// <summary>The same trees under another version and threshold: a different model as far as the site can tell.</summary>
    public TrainedModel Secondary { get; }
}
