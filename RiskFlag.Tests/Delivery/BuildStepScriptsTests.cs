namespace RiskFlag.Tests.Delivery;

/// <summary>The build-stage scripts that are cheap to run inside the test run itself.</summary>
public class BuildStepScriptsTests
{
    [Fact]
    public void The_toolchain_has_openmp_for_lightgbm_and_jq()
    {
        var result = Shell.Bash(Repo.Path("scripts", "container", "install-toolchain.sh"), []);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"libgomp1 \S+, jq jq-1\.", result.Output);
    }

    [Fact]
    public void Restore_build_test_refuses_an_unknown_step()
    {
        var result = Shell.Bash(Repo.Path("scripts", "container", "restore-build-test.sh"), ["deploy"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown step 'deploy'", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_test_sh_runs_the_same_restore_build_test_script_as_the_image()
    {
        Assert.Contains("scripts/container/restore-build-test.sh", Repo.Read("scripts", "test.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_refuses_an_unknown_program()
    {
        var result = Shell.Bash(Repo.Path("scripts", "container", "publish.sh"), ["worker", "/tmp/x"]);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Publishing_the_site_gives_RiskFlag_Web_dll_or_says_the_project_is_missing()
    {
        using var directory = new TempDirectory();

        var result = Shell.Bash(Repo.Path("scripts", "container", "publish.sh"), ["site", directory.Path("site")], timeoutSeconds: 300);

        if (File.Exists(Repo.Path("RiskFlag.Web", "RiskFlag.Web.csproj")))
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(File.Exists(directory.Path("site", "RiskFlag.Web.dll")));
            Assert.False(File.Exists(directory.Path("site", "RiskFlag.Web")), "no native apphost: the image runs `dotnet RiskFlag.Web.dll`");
        }
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("RiskFlag.Web/RiskFlag.Web.csproj does not exist", result.Errors, StringComparison.Ordinal);
        }
    }
}
