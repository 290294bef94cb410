namespace RiskFlag.Core.Outcomes;

/// <summary>The outcomes file as a whole cannot be read (no header, missing columns, not JSON), as opposed to one bad row.</summary>
public sealed class InvalidOutcomeFileException(string message, Exception? inner = null) : Exception(message, inner);
