namespace RiskFlag.Core.Bundle;

/// <summary>The file is not a bundle this build can serve: corrupt, foreign, or of another schema version.</summary>
public sealed class InvalidModelBundleException(string message, Exception? inner = null) : Exception(message, inner);
