namespace RiskFlag.Core.Parsing;

/// <summary>The input as a whole cannot be read (no header, missing columns, not JSON), as opposed to one bad row.</summary>
public sealed class InvalidApplicantFileException(string message, Exception? inner = null) : Exception(message, inner);
