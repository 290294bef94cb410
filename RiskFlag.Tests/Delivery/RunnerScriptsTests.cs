using System.Text.Json;

namespace RiskFlag.Tests.Delivery;

/// <summary>
/// The scripts the deploy workflow runs on the GitHub runner, against stand-ins for docker and the AWS CLI:
/// build-image.sh (tags, labels, two passes), resolve-image.sh and ssm-deploy.sh (the SSM payload, run for real).
/// </summary>
public class RunnerScriptsTests
{
    private const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    private const string Revision = "0123456789abcdef0123456789abcdef01234567";
    private const string ModelVersion = "20261121-063044-cb3ce2fb";
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private static readonly string BuildImage = Repo.Path("scripts", "container", "build-image.sh");
    private static readonly string ResolveImage = Repo.Path("deploy", "resolve-image.sh");
    private static readonly string SsmDeploy = Repo.Path("deploy", "ssm-deploy.sh");

    [Fact]
    public void The_image_is_tagged_with_the_commit_and_the_model_version_and_never_latest()
    {
        using var host = new FakeHost();
        var outputs = host.Path("github-output");

        var result = Build(host, [("GITHUB_OUTPUT", outputs)], "--push");

        Assert.True(result.ExitCode == 0, result.ToString());
        var builds = host.Calls("docker").Where(call => call.StartsWith("buildx build", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, builds.Count);
        Assert.Contains("--target model --output type=local,dest=", builds[0], StringComparison.Ordinal);
        var runtime = builds[1];
        Assert.Contains("--target runtime", runtime, StringComparison.Ordinal);
        Assert.Contains($"--tag {Registry}/riskflag:{Revision}", runtime, StringComparison.Ordinal);
        Assert.Contains($"--tag {Registry}/riskflag:model-{ModelVersion}", runtime, StringComparison.Ordinal);
        Assert.Equal(2, runtime.Split(' ').Count(word => word == "--tag"));
        Assert.DoesNotContain("latest", string.Join('\n', builds), StringComparison.Ordinal);
        Assert.Contains($"--build-arg MODEL_VERSION={ModelVersion}", runtime, StringComparison.Ordinal);
        Assert.Contains($"--build-arg REVISION={Revision}", runtime, StringComparison.Ordinal);
        Assert.Contains("--build-arg SOURCE_URL=https://github.com/example/riskflag", runtime, StringComparison.Ordinal);
        Assert.EndsWith("--push .", runtime, StringComparison.Ordinal);

        var written = File.ReadAllLines(outputs);
        Assert.Contains($"model_version={ModelVersion}", written);
        Assert.Contains($"digest={Digest}", written);
        Assert.Contains($"revision_tag={Revision}", written);
    }

    [Fact]
    public void Both_passes_train_with_the_same_arguments_so_the_second_reuses_the_trained_model()
    {
        using var host = new FakeHost();
        using var data = new TempDirectory();

        var result = Build(host, [], "--training-data", data.FullName, "--training-files", "a.csv b.csv", "--rows", "1000", "--seed", "7", "--min-grouped-auc", "0.8");

        Assert.True(result.ExitCode == 0, result.ToString());
        var builds = host.Calls("docker").Where(call => call.StartsWith("buildx build", StringComparison.Ordinal)).ToList();
        string[] training = [$"--build-context training-data={data.FullName}", "--build-arg TRAINING_DATA=a.csv b.csv", "--build-arg TRAINING_ROWS=1000", "--build-arg TRAINING_SEED=7", "--build-arg MIN_GROUPED_AUC=0.8"];
        foreach (var argument in training)
        {
            Assert.All(builds, build => Assert.Contains(argument, build, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("--push", builds[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_export_without_a_version_stops_before_the_image_is_built()
    {
        using var host = new FakeHost();

        var result = Build(host, [("FAKE_MODEL_VERSION", "")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no usable model-version", result.Errors, StringComparison.Ordinal);
        Assert.Single(host.Calls("docker"));
    }

    [Theory]
    [InlineData("--image", $"{Registry}/riskflag:latest")]
    [InlineData("--revision", "main")]
    [InlineData("--training-files", "a.csv")]
    public void Bad_build_arguments_are_refused(string option, string value)
    {
        using var host = new FakeHost();
        var args = new List<string> { "--image", $"{Registry}/riskflag", "--revision", Revision };
        var index = args.IndexOf(option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = Shell.Bash(BuildImage, args, host.Environment(("FAKE_MODEL_VERSION", ModelVersion)));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(host.Calls("docker"));
    }

    [Fact]
    public void A_model_version_resolves_to_its_image_by_digest()
    {
        using var host = new FakeHost();

        var result = Shell.Bash(ResolveImage, ["--registry", Registry, "--repository", "riskflag", "--model-version", ModelVersion], host.Environment(("FAKE_ECR_DIGEST", Digest)));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Registry}/riskflag@{Digest}", result.Output.Trim());
        Assert.Contains($"imageTag=model-{ModelVersion}", Assert.Single(host.Calls("aws")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_image_is_exit_code_3()
    {
        using var host = new FakeHost();

        var result = Shell.Bash(ResolveImage, ["--registry", Registry, "--repository", "riskflag", "--tag", Revision], host.Environment());

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"no image riskflag:{Revision}", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ssm_command_carries_deploy_sh_and_deploys_when_run_on_the_instance()
    {
        using var host = new FakeHost();
        var image = $"{Registry}/riskflag@{Digest}";

        var result = Shell.Bash(SsmDeploy, ["--image", image, "--instance-ids", "i-0aaa i-0bbb"],
            host.Environment(("RISKFLAG_SSM_POLL_SECONDS", "0"), ("FAKE_SSM_PENDING_POLLS", "2")));

        Assert.True(result.ExitCode == 0, result.ToString());
        var send = Assert.Single(host.Calls("aws"), call => call.StartsWith("ssm send-command", StringComparison.Ordinal));
        Assert.Contains("--document-name AWS-RunShellScript", send, StringComparison.Ordinal);
        Assert.Contains("--instance-ids i-0aaa i-0bbb", send, StringComparison.Ordinal);
        Assert.Equal(2, host.Calls("aws").Count(call => call.Contains("--query [StandardOutputContent", StringComparison.Ordinal)));

        // What the instance runs: the commands of AWS-RunShellScript, joined, with the deploy's own stand-ins.
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(host.State, "ssm-parameters.json")));
        var commands = string.Join('\n', parameters.RootElement.GetProperty("commands").EnumerateArray().Select(command => command.GetString()));
        using var instance = new FakeHost();
        var onInstance = Shell.Run("bash", ["-c", commands], Ec2DeployTests.Settings(instance, ("FAKE_READY_PORTS", "8081")));

        Assert.True(onInstance.ExitCode == 0, onInstance.ToString());
        Assert.Contains($"pull {image}", instance.Calls("docker"));
        Assert.Equal("server 127.0.0.1:8081;\n", File.ReadAllText(instance.Path("srv", "upstream.conf")));
    }

    [Fact]
    public void A_failed_deploy_on_an_instance_fails_the_step()
    {
        using var host = new FakeHost();

        var result = Shell.Bash(SsmDeploy, ["--image", $"{Registry}/riskflag:{Revision}", "--instance-ids", "i-0aaa"],
            host.Environment(("RISKFLAG_SSM_POLL_SECONDS", "0"), ("FAKE_SSM_STATUS", "Failed")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("== i-0aaa: Failed", result.Output, StringComparison.Ordinal);
        Assert.Contains("deploy errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_reference_with_shell_characters_never_reaches_ssm()
    {
        using var host = new FakeHost();

        var result = Shell.Bash(SsmDeploy, ["--image", "riskflag'; reboot; '", "--instance-ids", "i-0aaa"], host.Environment());

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(host.Calls("aws"));
    }

    private static ShellResult Build(FakeHost host, (string Key, string Value)[] environment, params string[] extra) =>
        Shell.Bash(BuildImage,
            ["--image", $"{Registry}/riskflag", "--revision", Revision, "--source", "https://github.com/example/riskflag", "--out", host.Path("model"), .. extra],
            host.Environment([("FAKE_MODEL_VERSION", ModelVersion), ("FAKE_DIGEST", Digest), .. environment]));
}
