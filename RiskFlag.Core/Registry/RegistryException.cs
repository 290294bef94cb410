namespace RiskFlag.Core.Registry;

/// <summary>A registry operation that cannot be done as asked (unknown version, failed gate, nothing to roll back to).</summary>
public sealed class RegistryException(string message) : Exception(message);
