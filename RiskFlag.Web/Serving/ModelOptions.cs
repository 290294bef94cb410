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

    /// <summary>
    /// The challenger's model zip, loaded and watched beside the champion and scored in shadow while it exists. Unset: the
    /// file challenger-model.zip next to the champion's, which is where the registry publishes its challenger.
    /// </summary>
    public string? ChallengerPath { get; set; }

    public const string DefaultChallengerFileName = "challenger-model.zip";

    /// <summary>The challenger's path: as configured, or next to the champion's.</summary>
    public string ResolvedChallengerPath => ChallengerPath is { Length: > 0 } configured
        ? configured
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? string.Empty, DefaultChallengerFileName);
}
