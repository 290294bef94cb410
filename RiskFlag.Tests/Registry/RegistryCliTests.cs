using RiskFlag.Core.Tracking;
using RiskFlag.Tests.Training;
using RiskFlag.Training;
using RiskFlag.Training.Commands;

namespace RiskFlag.Tests.Registry;

[Collection(TrainedModelGroup.Name)]
public sealed class RegistryCliTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-registry-cli-").FullName;

    [Fact]
    public void A_tracked_run_is_registered_made_champion_and_served()
    {
        var parameters = Path.Combine(_directory, "params.json");
        File.WriteAllText(parameters, fixture.Parameters.ToJson());
        var mlruns = Path.Combine(_directory, "mlruns");
        var served = Path.Combine(_directory, "served", "risk-model.zip");
        string[] common = ["--registry", Path.Combine(_directory, "registry"), "--serve", served];

        Assert.Equal(ExitCodes.Ok, Run(out _, "train", "--data", fixture.DataPath, "--params", parameters, "--artifacts", Path.Combine(_directory, "artifacts"), "--tracking", mlruns));
        var run = Assert.Single(new MlflowFileStore(mlruns).ListRuns());

        Assert.Equal(ExitCodes.Ok, Run(out var registered, ["register", "--run", run.RunId, "--tracking", mlruns, .. common]));
        Assert.Contains("version 1", registered, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run(out _, ["alias", "set", "champion", "--version", "1", "--reason", "first", .. common]));
        Assert.True(File.Exists(served));

        Assert.Equal(ExitCodes.Ok, Run(out var listed, ["list", .. common]));
        Assert.Contains(run.RunName, listed, StringComparison.Ordinal);
        Assert.Contains("set: champion v1", listed, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.RegistryRefused, Run(out _, ["rollback", .. common]));
        Assert.Equal(ExitCodes.RegistryRefused, Run(out _, ["register", "--run", "nope", "--tracking", mlruns, .. common]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Run(out string output, params string[] args)
    {
        using var writer = new StringWriter();
        var code = CliApplication.Run(args, writer, TextWriter.Null);
        output = writer.ToString();
        return code;
    }
}
