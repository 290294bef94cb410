namespace RiskFlag.Core.Registry;

/// <summary>Where the registry keeps its database and bundles, which file the site serves, and the promotion gate.</summary>
public sealed record RegistryOptions
{
    public const string ChampionAlias = "champion";
    public const string ChallengerAlias = "challenger";

    public string ModelName { get; init; } = "risk-flag";

    /// <summary>Holds registry.db and one folder per version with its bundle.</summary>
    public string Directory { get; init; } = "registry";

    /// <summary>The bundle the site loads (and hot-reloads): the champion is published here.</summary>
    public string ServedBundlePath { get; init; } = Path.Combine("artifacts", "risk-model.zip");

    /// <summary>Where the challenger is published for the site to load and score in shadow; null: not published.</summary>
    public string? ServedChallengerPath { get; init; }

    /// <summary>A challenger may be promoted only if its grouped ROC AUC is at most this much below the champion's.</summary>
    public double MaxRocAucDrop { get; init; } = 0.01;

    /// <summary>
    /// Live evidence gate: a promotion needs at least this many loans with outcomes that both the champion and the
    /// challenger (in shadow) decided; 0 (the default) asks for none.
    /// </summary>
    public int MinLiveOutcomes { get; init; }

    /// <summary>With the live gate on: the challenger's live ROC AUC may be at most this much below the champion's on those loans.</summary>
    public double MaxLiveAucDrop { get; init; } = 0.01;

    public string DatabasePath => Path.Combine(Directory, "registry.db");
}
