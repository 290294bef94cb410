namespace RiskFlag.Web.Monitoring;

/// <summary>Where a prediction was asked for; the channel label of the prediction metrics.</summary>
public enum ScoringChannel
{
    Form,
    Api,
    Batch,
}

public static class ScoringChannelTags
{
    public static string TagValue(this ScoringChannel channel) => channel switch
    {
        ScoringChannel.Form => "form",
        ScoringChannel.Api => "api",
        _ => "batch",
    };
}
