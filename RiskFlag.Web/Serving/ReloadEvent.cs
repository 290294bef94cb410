namespace RiskFlag.Web.Serving;

/// <summary>One attempt to (re)load the bundle, as shown on the model page and returned by the reload endpoint.</summary>
/// <param name="Trigger">What asked for it: start-up, the file watcher or the reload endpoint.</param>
/// <param name="Version">The version now serving after the attempt (the old one when the attempt failed), or null.</param>
public sealed record ReloadEvent(DateTimeOffset Time, string Trigger, ReloadOutcome Outcome, string? Version, string Message);

public enum ReloadOutcome
{
    Loaded,

    /// <summary>The file was there but is not a servable bundle; the previous model (if any) keeps serving.</summary>
    Rejected,

    /// <summary>There is no file at the model path.</summary>
    Missing,
}
