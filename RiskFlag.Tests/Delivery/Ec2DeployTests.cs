namespace RiskFlag.Tests.Delivery;

/// <summary>
/// deploy/ec2/deploy.sh, the on-instance blue/green deploy, run for real against stand-ins for docker,
/// curl and nginx: the switch, the stop of the old container, and every automatic rollback path.
/// </summary>
public class Ec2DeployTests
{
    private const string Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/riskflag:0123456789abcdef0123456789abcdef01234567";
    private const string NextImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/riskflag:model-20261121-063044-cb3ce2fb";
    private static readonly string Script = Repo.Path("deploy", "ec2", "deploy.sh");

    [Fact]
    public void The_first_deploy_starts_blue_and_points_nginx_at_it()
    {
        using var host = new FakeHost();

        var result = Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("server 127.0.0.1:8081;\n", Upstream(host));
        Assert.Equal("blue", ActiveSlot(host));
        var docker = host.Calls("docker");
        Assert.Contains($"pull {Image}", docker);
        var run = Assert.Single(docker, call => call.StartsWith("run ", StringComparison.Ordinal));
        Assert.Contains("--name riskflag-blue", run, StringComparison.Ordinal);
        Assert.Contains("-p 127.0.0.1:8081:8080", run, StringComparison.Ordinal);
        Assert.Contains("--cap-drop ALL", run, StringComparison.Ordinal);
        Assert.EndsWith(Image, run, StringComparison.Ordinal);
        Assert.Contains("-s reload", host.Calls("nginx"));
        Assert.Contains(Image, File.ReadAllText(host.Path("srv", "history")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_login_uses_the_region_of_the_ECR_host()
    {
        using var host = new FakeHost();

        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        Assert.Contains("ecr get-login-password --region eu-west-1", host.Calls("aws"));
        Assert.Contains("login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com", host.Calls("docker"));
    }

    [Fact]
    public void The_next_deploy_starts_green_beside_blue_switches_and_then_stops_blue()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081 8082"));

        var result = Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081 8082"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("server 127.0.0.1:8082;\n", Upstream(host));
        Assert.Equal("green", ActiveSlot(host));
        var docker = host.Calls("docker").ToList();
        var runGreen = docker.FindIndex(call => call.StartsWith("run ", StringComparison.Ordinal) && call.Contains("--name riskflag-green", StringComparison.Ordinal));
        var stopBlue = docker.FindIndex(call => call.StartsWith("stop ", StringComparison.Ordinal) && call.EndsWith("riskflag-blue", StringComparison.Ordinal));
        Assert.True(runGreen >= 0 && stopBlue > runGreen, "blue is stopped only after green serves");
        Assert.Equal("false", File.ReadAllText(Path.Combine(host.State, "containers", "riskflag-blue")).Trim());
    }

    [Fact]
    public void A_new_container_that_never_gets_ready_is_removed_and_the_old_one_keeps_serving()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        var result = Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rolled back", result.Errors, StringComparison.Ordinal);
        AssertBlueStillServes(host);
    }

    [Fact]
    public void A_new_container_that_exits_fails_the_deploy_without_waiting_for_the_timeout()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        var started = DateTime.UtcNow;
        var result = Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081 8082"), ("FAKE_CRASH", "riskflag-green"), ("RISKFLAG_READY_TIMEOUT", "60"));

        Assert.Equal(1, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        Assert.Contains("riskflag-green is not running", result.Output, StringComparison.Ordinal);
        AssertBlueStillServes(host);
    }

    [Fact]
    public void Not_ready_through_nginx_after_the_switch_puts_the_old_upstream_back()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        var result = Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081 8082"), ("FAKE_PUBLIC_READY", "0"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("restoring the previous upstream", result.Output, StringComparison.Ordinal);
        AssertBlueStillServes(host);
        Assert.True(host.Calls("nginx").Count(call => call == "-s reload") >= 3, "reloaded for blue, for green, and back for blue");
    }

    [Fact]
    public void An_nginx_configuration_error_puts_the_old_upstream_back()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"));

        var result = Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081 8082"), ("FAKE_NGINX_TEST_STATUS", "1"));

        Assert.Equal(1, result.ExitCode);
        AssertBlueStillServes(host);
    }

    [Fact]
    public void Rollback_restarts_the_previous_container_and_switches_back()
    {
        using var host = new FakeHost();
        Deploy(host, Image, ("FAKE_READY_PORTS", "8081 8082"));
        Deploy(host, NextImage, ("FAKE_READY_PORTS", "8081 8082"));

        var result = Deploy(host, "rollback", ("FAKE_READY_PORTS", "8081 8082"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("server 127.0.0.1:8081;\n", Upstream(host));
        Assert.Equal("blue", ActiveSlot(host));
        Assert.Contains("start riskflag-blue", host.Calls("docker"));
        Assert.Equal("false", File.ReadAllText(Path.Combine(host.State, "containers", "riskflag-green")).Trim());
    }

    [Fact]
    public void Rollback_with_nothing_deployed_fails()
    {
        using var host = new FakeHost();

        var result = Deploy(host, "rollback");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing deployed yet", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("riskflag:1; rm -rf /")]
    [InlineData("$(reboot)")]
    [InlineData("-v")]
    public void Anything_but_an_image_reference_is_refused_before_docker_runs(string image)
    {
        using var host = new FakeHost();

        var result = Deploy(host, image);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an image reference", result.Errors, StringComparison.Ordinal);
        Assert.Empty(host.Calls("docker"));
    }

    [Fact]
    public void A_model_directory_is_mounted_read_only_over_the_baked_in_model()
    {
        using var host = new FakeHost();

        Deploy(host, Image, ("FAKE_READY_PORTS", "8081"), ("RISKFLAG_MODEL_DIR", "/srv/riskflag/model"));

        Assert.Contains("-v /srv/riskflag/model:/app/model:ro", Assert.Single(host.Calls("docker"), call => call.StartsWith("run ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    internal static ShellResult Deploy(FakeHost host, string argument, params (string Key, string Value)[] settings) =>
        Shell.Bash(Script, [argument], Settings(host, settings));

    internal static Dictionary<string, string> Settings(FakeHost host, params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(host.Path("srv"));
        return host.Environment(
        [
            ("RISKFLAG_DEPLOY_CONFIG", host.Path("no-such-deploy.env")),
            ("RISKFLAG_STATE_DIR", host.Path("srv")),
            ("RISKFLAG_UPSTREAM_FILE", host.Path("srv", "upstream.conf")),
            ("RISKFLAG_APP_ENV_FILE", host.Path("no-such-app.env")),
            ("RISKFLAG_READY_TIMEOUT", "1"),
            ("RISKFLAG_READY_INTERVAL", "0.05"),
            .. settings,
        ]);
    }

    private static void AssertBlueStillServes(FakeHost host)
    {
        Assert.Equal("server 127.0.0.1:8081;\n", Upstream(host));
        Assert.Equal("blue", ActiveSlot(host));
        Assert.False(File.Exists(Path.Combine(host.State, "containers", "riskflag-green")), "the failed container is removed");
        Assert.Equal("true", File.ReadAllText(Path.Combine(host.State, "containers", "riskflag-blue")).Trim());
        Assert.DoesNotContain(host.Calls("docker"), call => call.StartsWith("stop ", StringComparison.Ordinal));
    }

    private static string Upstream(FakeHost host) => File.ReadAllText(host.Path("srv", "upstream.conf"));

    private static string ActiveSlot(FakeHost host) => File.ReadAllText(host.Path("srv", "active-slot")).Trim();
}
