namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>The metric types of the text format that OpenTelemetry instruments map to.</summary>
public enum PrometheusType
{
    Counter,
    Gauge,
    Histogram,
}
