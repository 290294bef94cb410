namespace RiskFlag.Core.Registry;

/// <summary>Storage of registered versions, aliases and their history. The only thing that knows about SQL.</summary>
public interface IModelRegistryStore
{
    RegisteredVersion AddVersion(string model, string modelVersion, string runId, Func<int, string> bundlePathOf, double groupedRocAuc, string registeredBy);

    IReadOnlyList<RegisteredVersion> Versions(string model);

    RegisteredVersion? Version(string model, int version);

    IReadOnlyDictionary<string, int> Aliases(string model);

    /// <summary>Points the alias at a version and appends the change to the history, atomically.</summary>
    AliasChange SetAlias(string model, string aliasName, int version, string action, string changedBy, string reason);

    IReadOnlyList<AliasChange> History(string model);
}
