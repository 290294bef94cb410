using System.Globalization;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Core.Registry;

/// <summary>
/// Registered versions of the risk model with MLflow-style aliases. The site serves the champion:
/// moving that alias publishes the version's bundle to the served path atomically, and the site's
/// file watcher hot-reloads it. Every alias change is recorded with who, when and why.
/// </summary>
public sealed class ModelRegistry(IModelRegistryStore store, RegistryOptions options)
{
    public RegistryOptions Options { get; } = options;

    public static ModelRegistry Open(RegistryOptions options) => new(new SqliteModelRegistryStore(options.DatabasePath), options);

    /// <summary>The registry in PostgreSQL when a connection string is given (shared by a fleet), else the local SQLite file.</summary>
    /// <returns>The registry, and the store to dispose with it (null for SQLite, which holds nothing open).</returns>
    public static (ModelRegistry Registry, IDisposable? Store) Open(RegistryOptions options, string? postgresConnectionString)
    {
        if (string.IsNullOrWhiteSpace(postgresConnectionString))
        {
            return (Open(options), null);
        }

        var store = new PostgresModelRegistryStore(postgresConnectionString, options.Directory);
        return (new ModelRegistry(store, options), store);
    }

    public RegisteredVersion Register(string bundlePath, string runId, string registeredBy)
    {
        var bundle = ModelZip.ReadBundle(bundlePath);
        return store.AddVersion(Options.ModelName, bundle.Manifest.Version, runId, version =>
        {
            var target = Path.GetFullPath(Path.Combine(Options.Directory, "versions", version.ToString(System.Globalization.CultureInfo.InvariantCulture), ModelBundle.FileName));
            AtomicFile.Write(target, stream =>
            {
                using var source = File.OpenRead(bundlePath);
                source.CopyTo(stream);
            });
            return target;
        }, bundle.Metrics.Grouped.RocAuc, registeredBy);
    }

    public RegistryState State() => new(
        Options.ModelName,
        store.Versions(Options.ModelName),
        store.Aliases(Options.ModelName),
        store.History(Options.ModelName));

    public AliasChange SetAlias(string aliasName, int version, string changedBy, string reason) =>
        Move(aliasName, version, "set", changedBy, reason);

    /// <summary>The champion's and the challenger's model versions, for measuring live evidence before <see cref="Promote"/>.</summary>
    public (string Champion, string Challenger)? Contenders()
    {
        var aliases = store.Aliases(Options.ModelName);
        return aliases.TryGetValue(RegistryOptions.ChampionAlias, out var champion) && aliases.TryGetValue(RegistryOptions.ChallengerAlias, out var challenger)
            ? (store.Version(Options.ModelName, champion)!.ModelVersion, store.Version(Options.ModelName, challenger)!.ModelVersion)
            : null;
    }

    /// <summary>
    /// The challenger becomes champion, if it passes the gates (or the operator forces it, which is recorded): its grouped
    /// training AUC and, when <see cref="RegistryOptions.MinLiveOutcomes"/> is set, its live AUC against the champion's on
    /// the same loans (<paramref name="live"/>). The live evidence is written into the history with the promotion.
    /// </summary>
    public AliasChange Promote(string changedBy, string reason, bool force = false, ShadowComparison? live = null)
    {
        var aliases = store.Aliases(Options.ModelName);
        if (!aliases.TryGetValue(RegistryOptions.ChallengerAlias, out var challengerVersion))
        {
            throw new RegistryException("there is no challenger to promote; set one with: alias set challenger --version N");
        }

        var challenger = store.Version(Options.ModelName, challengerVersion)!;
        if (aliases.TryGetValue(RegistryOptions.ChampionAlias, out var championVersion))
        {
            var champion = store.Version(Options.ModelName, championVersion)!;
            var drop = champion.GroupedRocAuc - challenger.GroupedRocAuc;
            if (drop > Options.MaxRocAucDrop && !force)
            {
                throw new RegistryException(
                    $"gate failed: challenger v{challenger.Version} grouped ROC AUC {challenger.GroupedRocAuc:0.0000} is {drop:0.0000} below champion v{champion.Version} ({champion.GroupedRocAuc:0.0000}); the allowed drop is {Options.MaxRocAucDrop:0.0000}");
            }

            if (drop > Options.MaxRocAucDrop)
            {
                reason = $"{reason} [gate overridden: ROC AUC drop {drop:0.0000} > {Options.MaxRocAucDrop:0.0000}]";
            }

            reason = LiveGate(champion, challenger, live, reason, force);
        }

        return Move(RegistryOptions.ChampionAlias, challengerVersion, force ? "promote (forced)" : "promote", changedBy, reason);
    }

    private string LiveGate(RegisteredVersion champion, RegisteredVersion challenger, ShadowComparison? live, string reason, bool force)
    {
        var evidence = live is not null && live.ChampionVersion == champion.ModelVersion && live.ChallengerVersion == challenger.ModelVersion ? live : null;
        var described = evidence is null
            ? "no shared live outcomes"
            : string.Create(CultureInfo.InvariantCulture,
                $"live ROC AUC challenger {evidence.Auc.SecondAuc:0.0000} vs champion {evidence.Auc.FirstAuc:0.0000} on {evidence.SharedOutcomes} shared outcomes, difference {evidence.Auc.Difference:+0.0000;-0.0000} (95 % CI {evidence.Auc.Lower95:+0.0000;-0.0000} to {evidence.Auc.Upper95:+0.0000;-0.0000})");
        if (Options.MinLiveOutcomes <= 0)
        {
            return evidence is null ? reason : $"{reason} [{described}]";
        }

        string? failure = null;
        if (evidence is null || evidence.SharedOutcomes < Options.MinLiveOutcomes)
        {
            failure = $"{described}; the gate needs {Options.MinLiveOutcomes} (score live traffic with the challenger in shadow, then post outcomes)";
        }
        else if (-evidence.Auc.Difference > Options.MaxLiveAucDrop || double.IsNaN(evidence.Auc.Difference))
        {
            failure = string.Create(CultureInfo.InvariantCulture, $"{described}; the allowed drop is {Options.MaxLiveAucDrop:0.0000}");
        }

        if (failure is not null && !force)
        {
            throw new RegistryException($"live gate failed: challenger v{challenger.Version} vs champion v{champion.Version}: {failure}");
        }

        return failure is null ? $"{reason} [live gate passed: {described}]" : $"{reason} [live gate overridden: {failure}]";
    }

    /// <summary>The champion goes back to the version it had before the current one.</summary>
    public AliasChange Rollback(string changedBy, string reason)
    {
        var lineage = ChampionLineage();
        if (lineage.Count < 2)
        {
            throw new RegistryException("there is no previous champion to roll back to");
        }

        return Move(RegistryOptions.ChampionAlias, lineage[^2], "rollback", changedBy, reason);
    }

    /// <summary>Copies the champion's bundle to the served path (e.g. after a fresh deploy).</summary>
    public RegisteredVersion PublishChampion()
    {
        if (!store.Aliases(Options.ModelName).TryGetValue(RegistryOptions.ChampionAlias, out var version))
        {
            throw new RegistryException("no version is champion yet");
        }

        var registered = store.Version(Options.ModelName, version)!;
        Publish(registered, Options.ServedBundlePath);
        return registered;
    }

    /// <summary>
    /// The champions in force, oldest first: each promotion or set pushes a version, each rollback pops one,
    /// so rolling back twice goes two champions back rather than bouncing between two.
    /// </summary>
    private List<int> ChampionLineage()
    {
        var lineage = new List<int>();
        foreach (var change in store.History(Options.ModelName).Where(c => c.Alias == RegistryOptions.ChampionAlias))
        {
            if (change.Action == "rollback")
            {
                lineage.RemoveAt(lineage.Count - 1);
            }
            else
            {
                lineage.Add(change.ToVersion);
            }
        }

        return lineage;
    }

    private AliasChange Move(string aliasName, int version, string action, string changedBy, string reason)
    {
        if (string.IsNullOrWhiteSpace(aliasName) || !aliasName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new RegistryException($"'{aliasName}' is not a valid alias (letters, digits, '-' and '_')");
        }

        var registered = store.Version(Options.ModelName, version) ?? throw new RegistryException($"{Options.ModelName} has no version {version}");
        var servedAt = aliasName switch
        {
            RegistryOptions.ChampionAlias => Options.ServedBundlePath,
            RegistryOptions.ChallengerAlias => Options.ServedChallengerPath,
            _ => null,
        };
        if (servedAt is not null)
        {
            // A version this build cannot serve (an earlier build's format, a damaged file) must not be published.
            if (ModelZipCheck.Of(registered.BundlePath) is { Servable: false } check)
            {
                throw new RegistryException($"v{version} cannot serve with this build: {check.Description}");
            }

            // Publish first: if the copy fails the alias has not moved, so registry and site never disagree.
            Publish(registered, servedAt);
        }

        return store.SetAlias(Options.ModelName, aliasName, version, action, changedBy, reason);
    }

    /// <summary>Copies a version's zip to a served path, atomically (also: an instance following a shared registry).</summary>
    public static void Publish(RegisteredVersion version, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var source = File.OpenRead(version.BundlePath);
            source.CopyTo(stream);
        });
}
