namespace RiskFlag.Core.Model;

/// <summary>Column names inside the model's transform chain that are not feature names.</summary>
public static class ModelColumns
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string CityKey = "city_key";
    public const string StateKey = "state_key";
    public const string ProfessionKey = "profession_key";
    public const string CityKnown = "city_known";
    public const string StateKnown = "state_known";
    public const string ProfessionKnown = "profession_known";
}
