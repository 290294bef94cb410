using System.CommandLine;

using RiskFlag.Core.Outcomes;
using RiskFlag.Core.Registry;
using RiskFlag.Core.Schema;
using RiskFlag.Core.Tracking;

namespace RiskFlag.Training.Commands;

/// <summary>`register`, `alias set`, `promote`, `rollback`, `list`: the model registry from the command line.</summary>
public static class RegistryCommands
{
    /// <summary>The site's setting for the shared database, read from the environment as the site reads it.</summary>
    private static string? SharedDatabaseVariable() =>
        SharedDatabaseSetting.Read(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal))).ConnectionString;

    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        var registry = new Option<DirectoryInfo>("--registry") { Description = "Registry folder (registry.db and version bundles)", DefaultValueFactory = _ => new DirectoryInfo("registry") };
        var serve = new Option<FileInfo>("--serve") { Description = "Bundle path the site serves; the champion is published here", DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", "risk-model.zip")) };
        var serveChallenger = new Option<FileInfo?>("--serve-challenger") { Description = "Bundle path the site loads its challenger from (default: challenger-model.zip beside --serve)" };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the history)", DefaultValueFactory = _ => string.Empty };
        var by = new Option<string>("--by") { Description = "Who (recorded in the history)", DefaultValueFactory = _ => Environment.UserName };

        var database = new Option<string?>("--database")
        {
            Description = "The fleet's shared PostgreSQL (a connection string, Host=…; default: $ConnectionStrings__RiskFlag, as the site reads it): the registry and its zips live there, and --registry only keeps copies of the zips",
            DefaultValueFactory = _ => SharedDatabaseVariable(),
        };

        // The command's registry, and its PostgreSQL store (if any) left to the process's end: each command opens one.
        ModelRegistry Open(ParseResult result) => ModelRegistry.Open(new RegistryOptions
        {
            Directory = result.GetValue(registry)!.FullName,
            ServedBundlePath = result.GetValue(serve)!.FullName,
            ServedChallengerPath = result.GetValue(serveChallenger)?.FullName
                ?? Path.Combine(result.GetValue(serve)!.DirectoryName!, "challenger-model.zip"),
        }, result.GetValue(database)).Registry;

        var runId = new Option<string>("--run") { Description = "Tracked run id (see mlruns/)", Required = true };
        var tracking = new Option<DirectoryInfo>("--tracking") { Description = "MLflow file store", DefaultValueFactory = _ => new DirectoryInfo("mlruns") };
        var register = new Command("register", "Register the bundle of a tracked run as a new version") { runId, tracking, registry, serve, by, database };
        register.SetAction(result => CommandRunner.Run(error, () =>
        {
            var run = new MlflowFileStore(result.GetValue(tracking)!.FullName).FindRun(result.GetValue(runId)!)
                ?? throw new RegistryException($"no run {result.GetValue(runId)} in {result.GetValue(tracking)!.FullName}");
            if (run.Status != RunStatus.Finished)
            {
                throw new RegistryException($"run {run.RunId} is {run.Status.ToString().ToLowerInvariant()}, only finished runs can be registered");
            }

            var version = Open(result).Register(Path.Combine(run.ArtifactsDirectory, "risk-model.zip"), run.RunId, result.GetValue(by)!);
            output.WriteLine($"registered {version.Model} version {version.Version} (model {version.ModelVersion}, grouped ROC AUC {version.GroupedRocAuc:0.0000})");
            return ExitCodes.Ok;
        }));

        var aliasName = new Argument<string>("name") { Description = "Alias, e.g. champion or challenger" };
        var version = new Option<int>("--version") { Description = "Registered version number", Required = true };
        var set = new Command("set", "Point an alias at a version (champion and challenger are published to the site)") { aliasName, version, registry, serve, serveChallenger, reason, by, database };
        set.SetAction(result => CommandRunner.Run(error, () =>
        {
            var change = Open(result).SetAlias(result.GetValue(aliasName)!, result.GetValue(version), result.GetValue(by)!, result.GetValue(reason)!);
            output.WriteLine(Describe(change));
            return ExitCodes.Ok;
        }));
        var alias = new Command("alias", "Manage aliases") { set };

        var force = new Option<bool>("--force") { Description = "Promote even if the gate fails (recorded)" };
        var maxDrop = new Option<double>("--max-auc-drop") { Description = "Gate: largest allowed drop in grouped ROC AUC", DefaultValueFactory = _ => new RegistryOptions().MaxRocAucDrop };
        var outcomes = new Option<string?>("--outcomes") { Description = "Live evidence from the site's decision database: its SQLite file, or a PostgreSQL connection string (Host=…; default: --database)" };
        var minLive = new Option<int>("--min-live-outcomes") { Description = "Live gate: shared loans with outcomes the challenger (in shadow) and the champion both decided; 0 = off", DefaultValueFactory = _ => 0 };
        var maxLiveDrop = new Option<double>("--max-live-auc-drop") { Description = "Live gate: largest allowed drop in live ROC AUC on those loans", DefaultValueFactory = _ => new RegistryOptions().MaxLiveAucDrop };
        var promote = new Command("promote", "Make the challenger the champion, if it passes the gates") { registry, serve, reason, by, force, maxDrop, outcomes, minLive, maxLiveDrop, database };
        promote.SetAction(result => CommandRunner.Run(error, () =>
        {
            var gated = ModelRegistry.Open(Open(result).Options with
            {
                MaxRocAucDrop = result.GetValue(maxDrop),
                MinLiveOutcomes = result.GetValue(minLive),
                MaxLiveAucDrop = result.GetValue(maxLiveDrop),
            }, result.GetValue(database)).Registry;
            var live = LiveEvidence(gated, result.GetValue(outcomes) ?? result.GetValue(database));
            output.WriteLine(Describe(gated.Promote(result.GetValue(by)!, result.GetValue(reason)!, result.GetValue(force), live)));
            return ExitCodes.Ok;
        }));

        var rollback = new Command("rollback", "Put the previous champion back") { registry, serve, reason, by, database };
        rollback.SetAction(result => CommandRunner.Run(error, () =>
        {
            output.WriteLine(Describe(Open(result).Rollback(result.GetValue(by)!, result.GetValue(reason)!)));
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "Show versions, aliases and the promotion history") { registry, serve, database };
        list.SetAction(result => CommandRunner.Run(error, () =>
        {
            var state = Open(result).State();
            output.WriteLine($"{"version",7}  {"model version",-26} {"grouped AUC",11}  {"registered",-20} {"by",-10} aliases");
            foreach (var v in state.Versions)
            {
                var aliases = string.Join(", ", state.Aliases.Where(a => a.Value == v.Version).Select(a => a.Key));
                output.WriteLine($"{v.Version,7}  {v.ModelVersion,-26} {v.GroupedRocAuc,11:0.0000}  {v.RegisteredAt:yyyy-MM-dd HH:mm:ss}  {v.RegisteredBy,-10} {aliases}");
            }

            foreach (var change in state.History)
            {
                output.WriteLine(Describe(change));
            }

            return ExitCodes.Ok;
        }));

        return [register, alias, promote, rollback, list];
    }

    /// <summary>The contenders' shared live outcomes, from the SQLite file or PostgreSQL database the site logs to.</summary>
    private static ShadowComparison? LiveEvidence(ModelRegistry registry, string? database)
    {
        if (string.IsNullOrWhiteSpace(database) || registry.Contenders() is not var (champion, challenger))
        {
            return null;
        }

        IOutcomeStore store = database.Contains('=', StringComparison.Ordinal)
            ? new PostgresOutcomeStore(database)
            : File.Exists(database) ? new SqliteOutcomeStore(database) : throw new RegistryException($"{database}: no such decision database");
        try
        {
            store.EnsureSchemaAsync().GetAwaiter().GetResult();
            return ShadowComparison.BetweenAsync(store, champion, challenger).GetAwaiter().GetResult();
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static string Describe(AliasChange c) =>
        $"{c.ChangedAt:yyyy-MM-dd HH:mm:ss} {c.Action}: {c.Alias} {(c.FromVersion is { } from ? $"v{from} → " : string.Empty)}v{c.ToVersion} by {c.ChangedBy}{(c.Reason.Length > 0 ? $" ({c.Reason})" : string.Empty)}";
}
