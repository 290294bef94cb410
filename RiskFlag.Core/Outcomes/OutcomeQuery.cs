namespace RiskFlag.Core.Outcomes;

/// <summary>Outcomes of the decisions made in [From, To), optionally of one model version and one channel.</summary>
public sealed record OutcomeQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? ModelVersion = null, string? Channel = null)
{
    public bool Matches(OutcomeRecord outcome) =>
        (From is null || outcome.DecidedAt >= From) && (To is null || outcome.DecidedAt < To)
        && (string.IsNullOrEmpty(ModelVersion) || outcome.ModelVersion == ModelVersion)
        && (string.IsNullOrEmpty(Channel) || outcome.Channel == Channel);
}
