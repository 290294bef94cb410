namespace RiskFlag.Web.Serving;

/// <summary>The names the site's models are registered under in the pool.</summary>
public static class ModelNames
{
    /// <summary>The model every answer comes from: Model:Path.</summary>
    public const string Champion = "champion";

    /// <summary>An optional second model (Model:ChallengerPath), loaded and watched beside the champion.</summary>
    public const string Challenger = "challenger";
}
