using RiskFlag.Core.Parsing;
using RiskFlag.Training.Pipeline;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Training;

public class SplitTests
{
    private static readonly List<TrainingExample> Examples = Generate();

    [Fact]
    public void The_grouped_split_never_puts_one_applicant_on_both_sides()
    {
        var split = Splitter.Grouped(Examples, 0.2, 5, 42);

        var train = split.Train.Select(s => s.Example.Group).ToHashSet();
        Assert.DoesNotContain(split.Validation, s => train.Contains(s.Example.Group));
        Assert.InRange(split.Validation.Count / (double)Examples.Count, 0.15, 0.25);
        Assert.Equal(Examples.Sum(e => e.Copies), split.Train.Sum(s => s.Weight) + split.Validation.Sum(s => s.Weight));
    }

    [Fact]
    public void The_random_split_does_leak_which_is_why_it_is_only_a_comparison()
    {
        var split = Splitter.RandomRows(Examples, 0.2, 5, 42);

        var train = split.Train.Select(s => s.Example.Group).ToHashSet();
        Assert.Contains(split.Validation, s => train.Contains(s.Example.Group));
    }

    [Fact]
    public void Copies_spelled_differently_are_one_applicant()
    {
        var csv = $"{Parsing.CsvFixtures.Header}\n" +
            "1,5000,30,5,single,rented,no,Computer hardware engineer,Malda,West Bengal,2,11,0\n" +
            "2,5000,30,5,single,rented,no,Computer_hardware_engineer,Malda,West_Bengal,2,11,0\n";

        var examples = TrainingExamples.From(Parsing.CsvFixtures.Read(csv).Records);

        Assert.Equal(2, Assert.Single(examples).Copies);
    }

    private static List<TrainingExample> Generate()
    {
        using var text = new StringWriter();
        new SyntheticApplicantGenerator(11).WriteCsv(text, 5000);
        var read = ApplicantFileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        return [.. TrainingExamples.From(read.Records)];
    }
}
