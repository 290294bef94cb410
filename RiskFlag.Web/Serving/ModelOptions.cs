namespace RiskFlag.Web.Serving;

/// <summary>The "Model" configuration section.</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>The champion model zip; a relative path is looked up from the content root, the working directory and the repository root.</summary>
    public string Path { get; set; } = "artifacts/risk-model.zip";

    /// <summary>Quiet time after the last file event before reloading, so a copy in progress is read once, whole.</summary>
    public int DebounceMilliseconds { get; set; } = 500;

    public int HistoryLength { get; set; } = 20;

    /// <summary>How often the file's size and time are compared in case a file-system event was lost; 0 turns polling off.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>A second model scored beside the champion when set (the challenger); empty: champion only.</summary>
    public string? ChallengerPath { get; set; }
}
