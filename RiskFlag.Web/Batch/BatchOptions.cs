namespace RiskFlag.Web.Batch;

/// <summary>The "Batch" configuration section.</summary>
public sealed class BatchOptions
{
    public const string Section = "Batch";

    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long a scored file stays downloadable after the upload.</summary>
    public int ResultLifetimeMinutes { get; set; } = 30;

    /// <summary>Where uploads and scored files are kept; default: a folder under the system temp directory.</summary>
    public string? WorkDirectory { get; set; }

    public int PreviewRows { get; set; } = 20;
}
