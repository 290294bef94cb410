using System.IO.Compression;
using System.Text;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Tests.Training;

[Collection(TrainedModelGroup.Name)]
public class BundleTests(TrainedModelFixture fixture)
{
    [Fact]
    public void A_bundle_read_back_from_disk_predicts_identically()
    {
        var inMemory = RiskScorer.Create(fixture.Bundle);
        var fromDisk = RiskScorer.Load(fixture.BundlePath);
        var applicants = ApplicantFileReader.Read(fixture.DataPath).Records.Take(2000).Select(r => r.Applicant);

        foreach (var applicant in applicants)
        {
            Assert.Equal(inMemory.Score(applicant), fromDisk.Score(applicant), AssessmentComparer.Instance);
        }

        Assert.Equal(fixture.Bundle.Manifest, ModelBundleReader.Read(fixture.BundlePath).Manifest with { Features = fixture.Bundle.Manifest.Features, Data = fixture.Bundle.Manifest.Data });
    }

    [Fact]
    public void A_truncated_file_is_a_clear_error()
    {
        var path = Path.Combine(fixture.Directory, "truncated.zip");
        var bytes = File.ReadAllBytes(fixture.BundlePath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidModelBundleException>(() => ModelBundleReader.Read(path));
        Assert.Contains("truncated.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_zip_is_refused()
    {
        var path = Path.Combine(fixture.Directory, "foreign.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("readme.txt").Open();
            stream.Write("hello"u8);
        }

        var error = Assert.Throws<InvalidModelBundleException>(() => ModelBundleReader.Read(path));
        Assert.Contains("manifest.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_version_is_refused_with_both_versions_named()
    {
        var path = Path.Combine(fixture.Directory, "future.zip");
        ModelBundleWriter.Write(fixture.Bundle with { Manifest = fixture.Bundle.Manifest with { SchemaVersion = 99 } }, path);

        var error = Assert.Throws<InvalidModelBundleException>(() => ModelBundleReader.Read(path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {BundleManifest.CurrentSchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_model_inside_a_valid_zip_is_refused_when_loading_the_scorer()
    {
        var bundle = fixture.Bundle with { ModelJson = Encoding.UTF8.GetBytes("{\"learner\": 42}") };

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskScorer.Create(bundle));
        Assert.Contains("model.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_not_a_bundle()
    {
        var path = Path.Combine(fixture.Directory, "noise.zip");
        File.WriteAllBytes(path, Enumerable.Range(0, 1000).Select(i => (byte)(i * 31)).ToArray());

        var error = Assert.Throws<InvalidModelBundleException>(() => ModelBundleReader.Read(path));
        Assert.Contains("not a RiskFlag model bundle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_top_factors_name_the_applicants_own_values()
    {
        var scorer = RiskScorer.Create(fixture.Bundle);
        var applicant = new Applicant(250_000, 24, 1, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Nowhere", "Nowhere", 0, 10);

        var assessment = scorer.Score(applicant, Explanation.Exact);

        Assert.Equal(3, assessment.TopFactors.Count);
        Assert.False(assessment.CityKnown);
        Assert.True(assessment.TopFactors.Select(f => Math.Abs(f.Contribution)).SequenceEqual(assessment.TopFactors.Select(f => Math.Abs(f.Contribution)).OrderDescending()));
        Assert.Equal(assessment.Probability >= assessment.Threshold, assessment.Flag);
    }

    private sealed class AssessmentComparer : IEqualityComparer<RiskAssessment>
    {
        public static readonly AssessmentComparer Instance = new();

        public bool Equals(RiskAssessment? x, RiskAssessment? y) =>
            x is not null && y is not null && x.Probability == y.Probability && x.Flag == y.Flag && x.TopFactors.SequenceEqual(y.TopFactors);

        public int GetHashCode(RiskAssessment obj) => obj.Probability.GetHashCode();
    }
}
