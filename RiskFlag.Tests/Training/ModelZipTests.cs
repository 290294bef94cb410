using System.IO.Compression;
using System.Text;

using Microsoft.ML;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;
using RiskFlag.Core.Model;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Training;

[Collection(TrainedModelGroup.Name)]
public class ModelZipTests(TrainedModelFixture fixture)
{
    [Fact]
    public void A_plain_MLNET_program_gives_the_probability_the_site_gives()
    {
        // Exactly what a program outside RiskFlag would write: load the zip, make an engine with the public types.
        var ml = new MLContext();
        ml.ComponentCatalog.RegisterAssembly(typeof(ApplicantFeatureMapping).Assembly);
        var model = ml.Model.Load(fixture.BundlePath, out _);
        var engine = ml.Model.CreatePredictionEngine<ApplicantInput, RiskPrediction>(model);

        var site = RiskScorer.Load(fixture.BundlePath);
        foreach (var record in ApplicantFileReader.Read(fixture.DataPath).Records.Take(500))
        {
            var plain = engine.Predict(ApplicantInput.From(record.Applicant));
            var served = site.Score(record.Applicant);
            Assert.Equal(served.Probability, plain.Probability);
            Assert.Equal(served.Flag, plain.Probability >= fixture.Bundle.Manifest.Threshold);
        }
    }

    [Fact]
    public void The_metadata_sits_in_its_own_folder_beside_the_MLNET_entries()
    {
        using var zip = ZipFile.OpenRead(fixture.BundlePath);
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("riskflag/manifest.json", names);
        Assert.Contains("riskflag/tree-covers.json", names);
        Assert.Contains(names, n => !n.StartsWith("riskflag/", StringComparison.Ordinal));
        Assert.Equal(fixture.Bundle.Manifest.Version, ModelZip.ReadBundle(fixture.BundlePath).Manifest.Version);
    }

    [Fact]
    public void A_zip_read_back_from_disk_scores_identically_to_the_model_in_memory()
    {
        var inMemory = new RiskScorer(fixture.Model.ToRiskModel());
        var fromDisk = RiskScorer.Load(fixture.BundlePath);
        foreach (var record in ApplicantFileReader.Read(fixture.DataPath).Records.Take(1000))
        {
            var a = inMemory.Score(record.Applicant);
            var b = fromDisk.Score(record.Applicant);
            Assert.Equal(a.Probability, b.Probability);
            Assert.Equal(a.TopFactors, b.TopFactors);
        }
    }

    [Fact]
    public void The_explanation_plus_the_base_value_is_the_models_raw_score()
    {
        var model = RiskModel.Load(fixture.BundlePath);
        var engine = model.CreatePredictionEngine();
        var contributions = new double[model.Schema.Width];
        foreach (var record in ApplicantFileReader.Read(fixture.DataPath).Records.Take(2000))
        {
            var prediction = engine.Predict(ApplicantInput.From(record.Applicant));
            var explained = model.Explainer.Explain(prediction.Features, contributions);

            // Score is ML.NET's float sum of the same leaves; the explanation adds them in double.
            Assert.Equal(prediction.Score, explained, 1e-5);
            Assert.Equal(model.Explainer.RawScore(prediction.Features), explained, 1e-6);
            Assert.Equal(explained, model.Explainer.BaseValue + contributions.Sum(), 1e-9);
            Assert.Equal(prediction.Probability, 1 / (1 + Math.Exp(-explained)), 1e-6);
        }
    }

    [Fact]
    public void The_top_factors_name_the_applicants_own_values()
    {
        var scorer = RiskScorer.Load(fixture.BundlePath);
        var applicant = new Applicant(250_000, 24, 1, MaritalStatus.Single, HouseOwnership.Rented, false, "Chef", "Nowhere", "Nowhere", 0, 10);

        var assessment = scorer.Score(applicant);

        Assert.Equal(3, assessment.TopFactors.Count);
        Assert.False(assessment.CityKnown);
        Assert.False(assessment.StateKnown);
        Assert.True(assessment.TopFactors.Select(f => Math.Abs(f.Contribution)).SequenceEqual(assessment.TopFactors.Select(f => Math.Abs(f.Contribution)).OrderDescending()));
        Assert.Equal(assessment.Probability >= assessment.Threshold, assessment.Flag);
    }

    [Fact]
    public void An_unseen_city_gets_the_prior_and_is_flagged_as_unknown()
    {
        var model = RiskModel.Load(fixture.BundlePath);
        var engine = model.CreatePredictionEngine();
        var cityRisk = model.Schema.Names.ToList().IndexOf(FeatureCatalog.CityRisk);
        var known = fixture.Bundle.Vocabulary.Cities[0];

        var unseen = engine.Predict(new ApplicantInput { Income = 1e6, Age = 30, Experience = 3, City = "Atlantis", State = known.State, Profession = "Chef" });
        var seen = engine.Predict(new ApplicantInput { Income = 1e6, Age = 30, Experience = 3, City = known.City, State = known.State, Profession = "Chef" });

        Assert.Equal(0, unseen.CityKnown);
        Assert.Equal(1, seen.CityKnown);
        // The prior is the default rate of the distinct training applicants of the served (grouped) split.
        var p = fixture.Parameters;
        var examples = TrainingExamples.From(TrainingData.Load([fixture.DataPath], p.MaxRejectedShare).Records);
        var split = Splitter.Grouped(examples, p.Split.ValidationFraction, p.TargetEncoding.Folds, p.Split.Seed);
        var prior = EncodingFitter.Fit(split.Train.Select(s => s.Example).ToList(), p.TargetEncoding.Smoothing).Prior;
        Assert.Equal(prior, unseen.Features[cityRisk]);
        Assert.NotEqual(prior, seen.Features[cityRisk]);
    }

    [Fact]
    public void A_truncated_file_is_a_clear_error()
    {
        var path = Path.Combine(fixture.Directory, "truncated.zip");
        var bytes = File.ReadAllBytes(fixture.BundlePath);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message[path.Length..], StringComparison.Ordinal);
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

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.Contains("not a RiskFlag model zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_of_an_earlier_build_is_told_to_retrain()
    {
        var path = Path.Combine(fixture.Directory, "earlier-build.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in new[] { ("manifest.json", "{\"format\":\"riskflag-model\",\"schema_version\":1,\"engine\":\"another-1.0\"}"), ("model.json", "{\"learner\":{}}") })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        var error = Assert.Throws<InvalidModelBundleException>(() => ModelZip.ReadBundle(path));
        Assert.Contains("earlier RiskFlag build", error.Message, StringComparison.Ordinal);
        Assert.Contains("retrain the model with this version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_version_is_refused_with_both_versions_named()
    {
        var path = Path.Combine(fixture.Directory, "future.zip");
        (fixture.Model with { Bundle = fixture.Bundle with { Manifest = fixture.Bundle.Manifest with { SchemaVersion = 99 } } }).Write(path);

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {BundleManifest.CurrentSchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_MLNET_model_inside_a_valid_zip_is_refused()
    {
        var path = Path.Combine(fixture.Directory, "corrupt-model.zip");
        File.Copy(fixture.BundlePath, path, overwrite: true);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var mlNetEntries = zip.Entries.Where(e => !e.FullName.StartsWith("riskflag/", StringComparison.Ordinal) && e.FullName.EndsWith("Model.key", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(mlNetEntries);
            foreach (var entry in mlNetEntries)
            {
                entry.Delete();
            }
        }

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.Contains("ML.NET model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_covers_of_another_model_are_refused()
    {
        var covers = fixture.Bundle.Covers with { Trees = fixture.Bundle.Covers.Trees.Skip(1).ToList() };
        var path = Path.Combine(fixture.Directory, "covers.zip");
        (fixture.Model with { Bundle = fixture.Bundle with { Covers = covers } }).Write(path);

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.Contains("tree covers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_not_a_model_zip()
    {
        var path = Path.Combine(fixture.Directory, "noise.zip");
        File.WriteAllBytes(path, Enumerable.Range(0, 1000).Select(i => (byte)(i * 31)).ToArray());

        var error = Assert.Throws<InvalidModelBundleException>(() => RiskModel.Load(path));
        Assert.Contains("not a RiskFlag model zip", error.Message, StringComparison.Ordinal);
    }
}
