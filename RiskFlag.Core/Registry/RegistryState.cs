namespace RiskFlag.Core.Registry;

/// <summary>Everything an operator looks at: the versions, where each alias points, and how it got there.</summary>
public sealed record RegistryState(
    string Model,
    IReadOnlyList<RegisteredVersion> Versions,
    IReadOnlyDictionary<string, int> Aliases,
    IReadOnlyList<AliasChange> History);
