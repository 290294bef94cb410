namespace RiskFlag.Web.Monitoring;

/// <summary>Where a prediction was asked for; the channel label of the prediction metrics.</summary>
public enum ScoringChannel
{
    Form,
    Api,
    Batch,

    /// <summary>The challenger's decisions on live applicants, made off the request path and never answered.</summary>
    Shadow,
}

public static class ScoringChannelTags
{
    public static string TagValue(this ScoringChannel channel) => channel switch
    {
        ScoringChannel.Form => "form",
        ScoringChannel.Api => "api",
        ScoringChannel.Shadow => Core.Outcomes.ShadowComparison.ShadowChannel,
        _ => "batch",
    };
}
