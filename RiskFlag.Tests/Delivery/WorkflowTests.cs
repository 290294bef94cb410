using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Delivery;

/// <summary>Security and safety properties of the GitHub Actions workflows, read from the files.</summary>
public partial class WorkflowTests
{
    private static readonly string Ci = Repo.Read(".github", "workflows", "ci.yml");
    private static readonly string Deploy = Repo.Read(".github", "workflows", "deploy.yml");

    public static TheoryData<string> Workflows()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.Path(".github", "workflows"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_action_is_pinned_to_a_full_commit_SHA_with_its_version(string workflow)
    {
        var uses = UsesLine().Matches(Repo.Read(".github", "workflows", workflow));

        Assert.NotEmpty(uses);
        Assert.All(uses, use => Assert.Matches(@"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", use.Groups[1].Value.Trim()));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_workflow_sets_its_token_permissions_at_the_top(string workflow)
    {
        Assert.Matches(@"(?m)^permissions:", Repo.Read(".github", "workflows", workflow));
        Assert.DoesNotMatch(@"(?m)^\s*permissions:\s*write-all", Repo.Read(".github", "workflows", workflow));
    }

    [Fact]
    public void Deploy_grants_nothing_by_default_and_each_job_only_reads_code_and_gets_an_OIDC_token()
    {
        Assert.Matches(@"(?m)^permissions: \{\}$", Deploy);
        var jobPermissions = Regex.Matches(Deploy, @"(?m)^    permissions:\n((?:      .*\n)+)");
        Assert.Equal(2, jobPermissions.Count);
        Assert.All(jobPermissions, block =>
        {
            var grants = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Regex.Replace(line, @"\s*#.*$", string.Empty).Trim()).ToList();
            Assert.Equal(["contents: read", "id-token: write"], grants);
        });
    }

    [Fact]
    public void Deploy_uses_an_assumed_role_never_long_lived_keys()
    {
        Assert.Contains("role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}", Deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-access-key-id", Deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-secret-access-key", Deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID", Deploy, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_deploys_never_overlap_and_a_running_one_is_never_cancelled()
    {
        Assert.Matches(@"(?m)^concurrency:\n  group: deploy-production\n  cancel-in-progress: false$", Deploy);
    }

    [Fact]
    public void Deploy_runs_on_pushes_to_main_and_by_hand_with_a_model_version()
    {
        Assert.Matches(@"(?m)^  push:\n    branches: \[main\]$", Deploy);
        Assert.Matches(@"(?m)^  workflow_dispatch:\n    inputs:\n      model_version:$", Deploy);
        Assert.Contains("--model-version \"$MODEL_VERSION\"", Deploy, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_builds_with_the_tested_script_and_deploys_through_SSM()
    {
        Assert.Contains("bash scripts/container/build-image.sh", Deploy, StringComparison.Ordinal);
        Assert.Contains("--push", Deploy, StringComparison.Ordinal);
        Assert.Contains("bash deploy/ssm-deploy.sh", Deploy, StringComparison.Ordinal);
        Assert.DoesNotContain(":latest", Deploy, StringComparison.Ordinal);
        Assert.DoesNotContain(":latest", Repo.Read("scripts", "container", "build-image.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_runs_on_pull_requests_and_pushes()
    {
        Assert.Matches(@"(?m)^  pull_request:$", Ci);
        Assert.Matches(@"(?m)^  push:$", Ci);
    }

    [Fact]
    public void Ci_runs_the_image_build_steps_and_uploads_the_bundle_metrics_plots_and_screenshots()
    {
        foreach (var step in new[] { "restore-build-test.sh restore", "restore-build-test.sh format", "restore-build-test.sh build", "restore-build-test.sh test", "publish.sh trainer", "train-model.sh", "check-model.sh", "build-image.sh" })
        {
            Assert.Contains("scripts/container/" + step, Ci, StringComparison.Ordinal);
        }

        Assert.Contains("TEST_FILTER: Category=Browser", Ci, StringComparison.Ordinal);
        Assert.Contains("out/model/risk-model.zip", Ci, StringComparison.Ordinal);
        Assert.Contains("out/model/metrics.json", Ci, StringComparison.Ordinal);
        Assert.Contains("out/model/plots/", Ci, StringComparison.Ordinal);
        Assert.Contains("screenshots/", Ci, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_tests_on_Debian_12_like_the_image()
    {
        Assert.Matches(@"image: debian:12\.\d+-slim", Ci);
        Assert.Contains(Regex.Match(Repo.Read("Dockerfile"), @"debian:12\.\d+-slim").Value, Ci, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Checkouts_do_not_keep_the_token(string workflow)
    {
        var text = Repo.Read(".github", "workflows", workflow);
        var checkouts = Regex.Count(text, @"uses: actions/checkout@\S+[^\n]*\n\s+with:\n\s+persist-credentials: false");

        Assert.Equal(Regex.Count(text, "uses: actions/checkout@"), checkouts);
    }

    [GeneratedRegex(@"(?m)^\s*(?:-\s+)?uses:\s+(.+)$")]
    private static partial Regex UsesLine();
}
