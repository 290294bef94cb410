using System.Text.Json;

namespace RiskFlag.Tests.Delivery;

/// <summary>
/// Publishes the trainer with publish.sh and trains twice with train-model.sh on generated data (the image's
/// default data source), exactly as the Dockerfile's build and train stages do.
/// </summary>
public sealed class TrainedImageModelFixture : IDisposable
{
    public const int Rows = 20_000;
    private readonly TempDirectory _directory = new("riskflag-image-model-");

    public TrainedImageModelFixture()
    {
        TrainerPath = _directory.Path("trainer", "riskflag-train.dll");
        Published = Shell.Bash(Repo.Path("scripts", "container", "publish.sh"), ["trainer", _directory.Path("trainer")]);
        if (Published.ExitCode != 0)
        {
            throw new InvalidOperationException($"publish.sh trainer failed: {Published}");
        }

        First = Train("first");
        Second = Train("second");
    }

    public string TrainerPath { get; }

    internal ShellResult Published { get; }

    internal (string Directory, ShellResult Result) First { get; }

    internal (string Directory, ShellResult Result) Second { get; }

    public string Path(params string[] parts) => _directory.Path(parts);

    public void Dispose() => _directory.Dispose();

    private (string, ShellResult) Train(string name)
    {
        var output = _directory.Path(name);
        var result = Shell.Bash(Repo.Path("scripts", "container", "train-model.sh"),
            ["--trainer", TrainerPath, "--rows", Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42", "--out", output]);
        return (output, result);
    }
}

public class ModelScriptsTests(TrainedImageModelFixture model) : IClassFixture<TrainedImageModelFixture>
{
    private static readonly string CheckModel = Repo.Path("scripts", "container", "check-model.sh");
    private static readonly string TrainModel = Repo.Path("scripts", "container", "train-model.sh");

    [Fact]
    public void Publish_produces_a_framework_dependent_trainer_with_its_params()
    {
        Assert.True(File.Exists(model.TrainerPath), model.Published.ToString());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(model.TrainerPath)!, "params.json")));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(model.TrainerPath)!, "riskflag-train.runtimeconfig.json")));
    }

    [Fact]
    public void Training_leaves_the_bundle_metrics_plots_and_version_at_fixed_paths()
    {
        var (directory, result) = model.First;
        Assert.True(result.ExitCode == 0, result.ToString());

        var version = File.ReadAllText(Path.Combine(directory, "model-version")).Trim();
        Assert.Equal(version, Path.GetFileName(Assert.Single(Directory.GetDirectories(Path.Combine(directory, "models")))));
        Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "risk-model.zip")), File.ReadAllBytes(Path.Combine(directory, "models", version, "risk-model.zip")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(directory, "plots"), "*.svg"));

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "metrics.json")));
        var grouped = metrics.RootElement.GetProperty("grouped").GetProperty("roc_auc").GetDouble();
        Assert.InRange(grouped, 0.75, 0.95);
        Assert.Contains($"trained model {version}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_model()
    {
        var first = File.ReadAllText(Path.Combine(model.First.Directory, "model-version")).Trim();
        var second = File.ReadAllText(Path.Combine(model.Second.Directory, "model-version")).Trim();

        // The version is <yyyyMMdd-HHmmss>-<model hash>: the time differs between runs, the model must not.
        Assert.Equal(first[(first.LastIndexOf('-') + 1)..], second[(second.LastIndexOf('-') + 1)..]);
        Assert.Equal(WithoutTimings(model.First.Directory), WithoutTimings(model.Second.Directory));
    }

    [Fact]
    public void The_check_passes_above_the_floor_and_names_the_model()
    {
        var version = File.ReadAllText(Path.Combine(model.First.Directory, "model-version")).Trim();

        var result = Check("--min-grouped-auc", "0.75");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"model {version}: grouped ROC AUC 0.", result.Output, StringComparison.Ordinal);
        Assert.Contains("model check passed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_fails_the_build_below_the_floor()
    {
        var result = Check("--min-grouped-auc", "0.99");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("below the floor 0.99", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_accepts_the_right_expected_version_and_refuses_another()
    {
        var version = File.ReadAllText(Path.Combine(model.First.Directory, "model-version")).Trim();

        Assert.Equal(0, Check("--min-grouped-auc", "0.5", "--expect-version", version).ExitCode);
        var wrong = Check("--min-grouped-auc", "0.5", "--expect-version", "20200101-000000-deadbeef");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("but 20200101-000000-deadbeef was expected", wrong.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public void The_check_refuses_a_floor_that_is_not_a_probability(string floor)
    {
        Assert.Equal(2, Check("--min-grouped-auc", floor).ExitCode);
    }

    [Fact]
    public void The_check_refuses_a_bundle_without_its_versioned_copy()
    {
        using var directory = new TempDirectory();
        File.Copy(Path.Combine(model.First.Directory, "risk-model.zip"), directory.Path("risk-model.zip"));

        var result = Shell.Bash(CheckModel, ["--artifacts", directory.FullName, "--min-grouped-auc", "0.5"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("matches the served bundle", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_from_named_files_uses_them_instead_of_generated_data()
    {
        using var directory = new TempDirectory();
        var data = directory.Path("applicants.csv");
        var generated = Shell.Run("dotnet", [model.TrainerPath, "generate", "--rows", "4000", "--seed", "3", "--out", data]);
        Assert.True(generated.ExitCode == 0, generated.ToString());

        var result = Shell.Bash(TrainModel, ["--trainer", model.TrainerPath, "--data", "applicants.csv", "--out", directory.Path("out")], workingDirectory: directory.FullName);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("wrote", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.Path("out", "risk-model.zip")));
    }

    [Fact]
    public void Training_refuses_missing_data_and_a_used_output_folder()
    {
        using var directory = new TempDirectory();

        var missing = Shell.Bash(TrainModel, ["--trainer", model.TrainerPath, "--data", "nope.csv", "--out", directory.Path("out")], workingDirectory: directory.FullName);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("training data not found: nope.csv", missing.Errors, StringComparison.Ordinal);

        var used = Shell.Bash(TrainModel, ["--trainer", model.TrainerPath, "--out", model.First.Directory]);
        Assert.Equal(2, used.ExitCode);
        Assert.Contains("is not empty", used.Errors, StringComparison.Ordinal);
    }

    private ShellResult Check(params string[] args) =>
        Shell.Bash(CheckModel, ["--artifacts", model.First.Directory, .. args]);

    private static string WithoutTimings(string directory)
    {
        var metrics = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "metrics.json")))!.AsObject();
        metrics.Remove("training_seconds");
        return metrics.ToJsonString();
    }
}
