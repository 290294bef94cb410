using RiskFlag.Training;
using RiskFlag.Training.Commands;

namespace RiskFlag.Tests.Training;

[Collection(TrainedModelGroup.Name)]
public class CliTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Generate_train_evaluate_and_predict_end_to_end()
    {
        var directory = Directory.CreateTempSubdirectory("riskflag-cli-").FullName;
        try
        {
            var data = Path.Combine(directory, "train.csv");
            var paramsPath = Path.Combine(directory, "params.json");
            File.WriteAllText(paramsPath, fixture.Parameters.ToJson());

            Assert.Equal(ExitCodes.Ok, Run(out _, "generate", "--rows", "3000", "--seed", "5", "--out", data));
            Assert.Equal(3001, File.ReadLines(data).Count());

            Assert.Equal(ExitCodes.Ok, Run(out var trained, "train", "--data", data, "--params", paramsPath, "--artifacts", Path.Combine(directory, "artifacts"), "--tracking", Path.Combine(directory, "mlruns")));
            var bundle = Path.Combine(directory, "artifacts", "risk-model.zip");
            Assert.True(File.Exists(bundle));
            Assert.Contains("ROC AUC", trained, StringComparison.Ordinal);
            Assert.Single(Directory.GetDirectories(Path.Combine(directory, "artifacts", "models")));

            Assert.Equal(ExitCodes.Ok, Run(out var evaluated, "evaluate", "--model", bundle, "--data", fixture.DataPath));
            Assert.Contains("ROC AUC", evaluated, StringComparison.Ordinal);

            var input = Path.Combine(directory, "input.csv");
            File.WriteAllLines(input, [.. File.ReadLines(fixture.DataPath).Take(101), "999999,-5,30,3,single,rented,no,Chef,Pune,Maharashtra,1,11,0"]);
            var output = Path.Combine(directory, "scored.csv");
            Assert.Equal(ExitCodes.Ok, Run(out var predicted, out var errors, "predict", "--model", bundle, "--input", input, "--output", output));

            var lines = File.ReadAllLines(output);
            Assert.Equal(File.ReadLines(input).First() + ",decision_id,risk_probability,risk_flag,top_factors,status,error", lines[0]);
            Assert.StartsWith(File.ReadLines(input).ElementAt(1) + ",", lines[1], StringComparison.Ordinal);
            Assert.Equal(102, lines.Length);
            Assert.StartsWith("999999,-5,", lines[101], StringComparison.Ordinal);
            Assert.Contains(",rejected,", lines[101], StringComparison.Ordinal);
            Assert.Contains("scored 100 of 101 rows", predicted, StringComparison.Ordinal);
            Assert.Contains("line 102: Income", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_input_file_fails_with_a_one_line_reason()
    {
        foreach (var args in new[]
        {
            new[] { "train", "--data", "/nonexistent/applicants.csv", "--no-tracking" },
            ["evaluate", "--model", fixture.BundlePath, "--data", "/nonexistent/applicants.csv"],
            ["predict", "--model", fixture.BundlePath, "--input", "/nonexistent/applicants.csv", "--output", Path.Combine(fixture.Directory, "never.csv")],
        })
        {
            var code = Run(out _, out var errors, args);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal("error: /nonexistent/applicants.csv: file not found", errors.Trim());
        }
    }

    [Fact]
    public void Evaluate_on_the_training_data_says_why_its_auc_is_above_the_grouped_estimate()
    {
        Assert.Equal(ExitCodes.Ok, Run(out var evaluated, "evaluate", "--model", fixture.BundlePath, "--data", fixture.DataPath));

        Assert.Contains($"training: grouped ROC AUC {fixture.Model.Bundle.Metrics.Grouped.RocAuc:0.0000}", evaluated, StringComparison.Ordinal);
        Assert.Contains("this file probably contains applicants the model was trained on", evaluated, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_params_fail_with_their_own_exit_code()
    {
        var paramsPath = Path.Combine(fixture.Directory, "bad-params.json");
        File.WriteAllText(paramsPath, """{ "feature_set": "nope", "feature_sets": { "default": ["income"] } }""");

        var code = Run(out _, out var errors, "train", "--data", fixture.DataPath, "--params", paramsPath, "--no-tracking");

        Assert.Equal(ExitCodes.BadParameters, code);
        Assert.Contains("feature_set 'nope'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_bad_rows_fail_training_with_the_count_and_examples()
    {
        var path = Path.Combine(fixture.Directory, "mostly-bad.csv");
        File.WriteAllLines(path, [.. File.ReadLines(fixture.DataPath).Take(50), .. Enumerable.Repeat("1,x,30,3,single,rented,no,Chef,Pune,Maharashtra,1,11,0", 5)]);

        var code = Run(out _, out var errors, "train", "--data", path, "--no-tracking");

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("5 of 54 rows", errors, StringComparison.Ordinal);
        Assert.Contains("Income", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_an_argument_error()
    {
        Assert.Equal(ExitCodes.BadArguments, Run(out _, out _, "predict", "--input", "x.csv"));
    }

    private static int Run(out string output, params string[] args) => Run(out output, out _, args);

    private static int Run(out string output, out string errors, params string[] args)
    {
        using var outWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var code = CliApplication.Run(args, outWriter, errorWriter);
        output = outWriter.ToString();
        errors = errorWriter.ToString();
        return code;
    }
}
