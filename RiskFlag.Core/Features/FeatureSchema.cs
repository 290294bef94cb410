namespace RiskFlag.Core.Features;

/// <summary>The ordered model inputs. The position of a feature is its column in the model.</summary>
public sealed class FeatureSchema
{
    /// <summary>Bumped whenever a feature's meaning changes, so an old bundle is refused rather than misread.</summary>
    public const int CurrentVersion = 2;

    public FeatureSchema(IEnumerable<string> names)
    {
        Features = names.Select(FeatureCatalog.Get).ToArray();
        if (Features.Count == 0)
        {
            throw new ArgumentException("a feature set needs at least one feature", nameof(names));
        }

        var duplicate = Features.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"feature '{duplicate.Key}' is listed twice", nameof(names));
        }
    }

    public IReadOnlyList<FeatureDefinition> Features { get; }

    public int Width => Features.Count;

    public IEnumerable<string> Names => Features.Select(f => f.Name);
}
