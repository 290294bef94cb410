namespace RiskFlag.Web.Api;

/// <summary>The "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest JSON body POST /api/predict accepts; bulk scoring belongs on /api/predict/batch.</summary>
    public long MaxPredictBytes { get; set; } = 1024 * 1024;
}
