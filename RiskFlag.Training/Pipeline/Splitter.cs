using RiskFlag.Core.IO;
namespace RiskFlag.Training.Pipeline;

/// <summary>The two ways of holding out validation data that the report puts side by side.</summary>
public static class Splitter
{
    /// <summary>
    /// Every copy of an applicant falls on the same side, and out-of-fold encoding folds are by applicant
    /// too: validation then measures how the model does on applicants it has never seen.
    /// </summary>
    public static DataSplit Grouped(IReadOnlyList<TrainingExample> examples, double validationFraction, int folds, int seed)
    {
        var train = new List<SplitExample>();
        var validation = new List<SplitExample>();
        var cut = (ulong)(validationFraction * 1_000_000);
        foreach (var example in examples)
        {
            var hash = StableHash.Mix(example.Group, (ulong)seed);
            var fold = (int)(hash / 1_000_000 % (ulong)folds);
            (hash % 1_000_000 < cut ? validation : train).Add(new SplitExample(example, example.Copies, fold));
        }

        return new DataSplit("grouped", train, validation);
    }

    /// <summary>
    /// The naive split: each row goes to validation at random, so copies of one applicant land on both sides.
    /// Kept only so the report shows how much a row split flatters the model.
    /// </summary>
    public static DataSplit RandomRows(IReadOnlyList<TrainingExample> examples, double validationFraction, int folds, int seed)
    {
        var random = new Random(seed);
        var train = new List<SplitExample>();
        var validation = new List<SplitExample>();
        foreach (var example in examples)
        {
            var held = 0;
            for (var copy = 0; copy < example.Copies; copy++)
            {
                held += random.NextDouble() < validationFraction ? 1 : 0;
            }

            var fold = random.Next(folds);
            if (example.Copies - held > 0)
            {
                train.Add(new SplitExample(example, example.Copies - held, fold));
            }

            if (held > 0)
            {
                validation.Add(new SplitExample(example, held, fold));
            }
        }

        return new DataSplit("random", train, validation);
    }
}
