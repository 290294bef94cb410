using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Delivery;

/// <summary>What the Dockerfile promises, read from the file (the image itself is built by CI, not here).</summary>
public partial class DockerfileTests
{
    private static readonly Lazy<IReadOnlyList<Instruction>> LazyInstructions = new(() => Parse(Repo.Read("Dockerfile")));

    private static IReadOnlyList<Instruction> Instructions => LazyInstructions.Value;

    [Fact]
    public void Every_RUN_only_calls_scripts_that_the_tests_also_run()
    {
        var runs = Instructions.Where(i => i.Keyword == "RUN").ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            foreach (var command in run.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            {
                if (command == "dotnet --info")
                {
                    continue;
                }

                var match = ScriptCall().Match(command);
                Assert.True(match.Success, $"line {run.Line}: '{command}' is not `bash <scripts/container script>`");
                var script = match.Groups["script"].Value;
                Assert.True(File.Exists(Repo.Path("scripts", "container", script)), $"line {run.Line}: scripts/container/{script} does not exist");
            }
        }
    }

    [Fact]
    public void External_base_images_are_pinned_to_exact_tags()
    {
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "scratch" };
        foreach (var from in Instructions.Where(i => i.Keyword == "FROM"))
        {
            var words = from.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var image = words[0];
            if (!stages.Contains(image))
            {
                Assert.Matches(@"^[a-z0-9./-]+:[0-9][0-9A-Za-z.-]*-?[a-z]*$", image);
                Assert.DoesNotContain("latest", image, StringComparison.Ordinal);
                Assert.Matches(@":\d+\.\d+", image);
            }

            if (words.Length == 3)
            {
                stages.Add(words[2]);
            }
        }
    }

    [Fact]
    public void The_build_and_train_stages_are_the_SDK_image_and_the_runtime_is_the_ASP_NET_10_image()
    {
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d+-noble AS build$", From("build"));
        Assert.Matches(@"^build AS train$", From("train"));
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0\.\d+-noble AS runtime$", From("runtime"));
        Assert.Equal("runtime", Instructions.Last(i => i.Keyword == "FROM").Arguments.Split(' ')[^1]);
    }

    [Fact]
    public void The_SDK_image_satisfies_global_json()
    {
        var sdk = Regex.Match(From("build"), @"sdk:(\d+)\.(\d+)\.(\d)(\d\d)").Groups;
        using var json = System.Text.Json.JsonDocument.Parse(Repo.Read("global.json"));
        var wanted = json.RootElement.GetProperty("sdk").GetProperty("version").GetString()!.Split('.');

        Assert.Equal(wanted[0], sdk[1].Value);
        Assert.Equal(wanted[1], sdk[2].Value);
        Assert.True(int.Parse(sdk[3].Value + sdk[4].Value, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(wanted[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("latestFeature", json.RootElement.GetProperty("sdk").GetProperty("rollForward").GetString());
    }

    [Fact]
    public void The_runtime_stage_runs_as_the_app_user_on_8080_with_a_readiness_healthcheck()
    {
        var runtime = Stage("runtime");

        Assert.DoesNotContain(runtime, i => i.Keyword == "RUN");
        var user = Assert.Single(runtime, i => i.Keyword == "USER").Arguments;
        Assert.Equal("$APP_UID", user);
        Assert.Equal("8080", Assert.Single(runtime, i => i.Keyword == "EXPOSE").Arguments);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", Assert.Single(runtime, i => i.Keyword == "ENV").Arguments, StringComparison.Ordinal);
        var healthcheck = Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains("/usr/local/bin/riskflag-healthcheck", healthcheck, StringComparison.Ordinal);
        Assert.Contains("COPY scripts/container/healthcheck.sh /usr/local/bin/riskflag-healthcheck", Text(runtime), StringComparison.Ordinal);
        Assert.Contains("/health/ready", Repo.Read("scripts", "container", "healthcheck.sh"), StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"RiskFlag.Web.dll\"]", Text(runtime), StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_is_at_a_fixed_path_that_Model__Path_names()
    {
        var runtime = Text(Stage("runtime"));

        Assert.Contains("Model__Path=/app/model/risk-model.zip", runtime, StringComparison.Ordinal);
        Assert.Contains("COPY --from=model-check /out/model/risk-model.zip /app/model/risk-model.zip", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_carries_no_native_training_library_and_no_build_tools()
    {
        var runtime = Text(Stage("runtime"));

        Assert.DoesNotContain("libgomp", runtime, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/out/trainer", runtime, StringComparison.Ordinal);
        Assert.DoesNotContain("install-toolchain", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_is_labelled_with_source_revision_and_model_version()
    {
        var label = Assert.Single(Stage("runtime"), i => i.Keyword == "LABEL").Arguments;

        Assert.Contains("org.opencontainers.image.source=\"${SOURCE_URL}\"", label, StringComparison.Ordinal);
        Assert.Contains("org.opencontainers.image.revision=\"${REVISION}\"", label, StringComparison.Ordinal);
        Assert.Contains("riskflag.model.version=\"${MODEL_VERSION}\"", label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_train_stage_takes_data_seed_rows_and_floor_as_build_arguments_and_checks_the_floor()
    {
        var train = Text(Stage("train"));

        Assert.Contains("ARG TRAINING_DATA=generated", train, StringComparison.Ordinal);
        Assert.Contains("ARG TRAINING_SEED=42", train, StringComparison.Ordinal);
        Assert.Matches(@"ARG MIN_GROUPED_AUC=0\.\d+", train);
        Assert.Contains("check-model.sh --artifacts /out/model --min-grouped-auc \"${MIN_GROUPED_AUC}\"", train, StringComparison.Ordinal);
        Assert.Contains("--expect-version \"${MODEL_VERSION}\"", Text(Stage("model-check")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_build_skips_exactly_the_test_categories_it_cannot_run()
    {
        Assert.Contains("ARG TEST_FILTER=\"Category!=Browser&Category!=Tooling&Category!=Database\"", Text(Stage("build")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_data_and_git()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains(".git", ignored);
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains("**/node_modules", ignored);
        Assert.Contains("artifacts", ignored);
        Assert.Contains("data", ignored);
    }

    [Fact]
    public void The_build_context_keeps_what_the_tests_in_the_build_stage_read()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n', StringSplitOptions.TrimEntries).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        foreach (var kept in new[] { "Dockerfile", ".dockerignore", ".github", "deploy", "scripts", "tools", "RiskFlag.Tests", "global.json" })
        {
            Assert.DoesNotContain(ignored, pattern => pattern == kept || pattern == kept + "/" || pattern == "*" || kept.StartsWith(pattern.TrimEnd('/') + "/", StringComparison.Ordinal));
        }
    }

    private static string From(string stage) =>
        Instructions.Single(i => i.Keyword == "FROM" && i.Arguments.EndsWith(" AS " + stage, StringComparison.Ordinal)).Arguments;

    private static List<Instruction> Stage(string name)
    {
        var start = Instructions.ToList().FindIndex(i => i.Keyword == "FROM" && i.Arguments.EndsWith(" AS " + name, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no stage {name}");
        return Instructions.Skip(start + 1).TakeWhile(i => i.Keyword != "FROM").ToList();
    }

    private static string Text(IEnumerable<Instruction> instructions) =>
        string.Join('\n', instructions.Select(i => $"{i.Keyword} {i.Arguments}"));

    /// <summary>Instructions with continuation lines joined and comments dropped.</summary>
    private static List<Instruction> Parse(string dockerfile)
    {
        var instructions = new List<Instruction>();
        var lines = dockerfile.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var text = line;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                text = text[..^1].TrimEnd();
                var next = lines[++i].Trim();
                if (!next.StartsWith('#'))
                {
                    text += " " + next;
                }
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(new Instruction(start, text[..space].ToUpperInvariant(), Regex.Replace(text[(space + 1)..], @"\s+", " ").Trim()));
        }

        return instructions;
    }

    [GeneratedRegex(@"^(?:[A-Z_]+=\S+ )*bash (?:/src/)?scripts/container/(?<script>[a-z-]+\.sh)(?: .*)?$|^(?:[A-Z_]+=\S+ )*bash /usr/local/bin/(?<script>install-toolchain\.sh)$")]
    private static partial Regex ScriptCall();

    private sealed record Instruction(int Line, string Keyword, string Arguments);
}
