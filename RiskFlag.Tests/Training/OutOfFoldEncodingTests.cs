using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;
using RiskFlag.Core.IO;
using RiskFlag.Core.Model;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Training;

public class OutOfFoldEncodingTests
{
    private static readonly FeatureSchema Schema = new(["city_risk", "state_risk", "profession_risk", "age"]);

    private static readonly Microsoft.ML.MLContext Ml = RiskModelContext.Create();

    [Fact]
    public void A_training_row_never_sees_its_own_label()
    {
        var examples = Examples(flipFirstLabel: false);
        var flipped = Examples(flipFirstLabel: true);

        var original = MatrixBuilder.Build(Ml, Splitter.Grouped(examples, 0.2, 5, 1), Schema, 5, 10);
        var changed = MatrixBuilder.Build(Ml, Splitter.Grouped(flipped, 0.2, 5, 1), Schema, 5, 10);

        // Every city holds one applicant, so the first row's city rate can only come from other folds' data:
        // flipping its own label must not move its own encoded value.
        var row = RowOf(Splitter.Grouped(examples, 0.2, 5, 1), examples[0]);
        Assert.True(row >= 0, "the first example should be on the training side for this seed");
        Assert.Equal(original.Train[row * Schema.Width], changed.Train[row * Schema.Width]);
        Assert.NotEqual(original.TrainLabels[row], changed.TrainLabels[row]);
    }

    [Fact]
    public void Out_of_fold_values_equal_an_encoding_fitted_without_the_fold()
    {
        var examples = Examples(flipFirstLabel: false);
        var split = Splitter.Grouped(examples, 0.2, 5, 1);
        var matrices = MatrixBuilder.Build(Ml, split, Schema, 5, 10);

        for (var row = 0; row < split.Train.Count; row++)
        {
            var fold = split.Train[row].Fold;
            var others = EncodingFitter.Fit(split.Train.Where(s => s.Fold != fold).Select(s => s.Example).ToList(), 10);
            var expected = new FeaturePipeline(Ml, Schema, others).TransformMany([ApplicantInput.From(split.Train[row].Example.Applicant)], 1);
            Assert.Equal(expected, matrices.Train.AsSpan(row * Schema.Width, Schema.Width).ToArray());
        }
    }

    [Fact]
    public void Unseen_categories_get_the_prior()
    {
        var encoding = TargetEncoding.Fit([("a", 1), ("a", 0), ("b", 1)], prior: 0.25, smoothing: 2);

        Assert.Equal(0.25f, encoding.Encode("never-seen"));
        Assert.Equal((float)((1 + (2 * 0.25)) / (2 + 2)), encoding.Encode("a"));
        Assert.False(encoding.IsKnown("never-seen"));
    }

    private static int RowOf(DataSplit split, TrainingExample example)
    {
        for (var i = 0; i < split.Train.Count; i++)
        {
            if (split.Train[i].Example.Group == example.Group)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<TrainingExample> Examples(bool flipFirstLabel)
    {
        var random = new Random(3);
        var examples = new List<TrainingExample>();
        for (var i = 0; i < 400; i++)
        {
            var applicant = new Applicant(100_000 + i, 20 + (i % 50), i % 10, MaritalStatus.Single, HouseOwnership.Rented, false,
                "Chef", $"City{i}", $"State{i % 7}", 0, 11);
            var label = random.Next(2);
            if (i == 0 && flipFirstLabel)
            {
                label = 1 - label;
            }

            var keys = ApplicantKeys.Of(applicant);
            examples.Add(new TrainingExample(applicant, keys, label, 1, StableHash.Of(keys.City)));
        }

        return examples;
    }
}
