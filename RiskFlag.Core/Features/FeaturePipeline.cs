using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Features;

/// <summary>
/// Applicant → model input vector. The only implementation: training builds its matrices with it
/// (once per out-of-fold encoding) and serving calls it for every request, so the two cannot drift apart.
/// Immutable and thread-safe.
/// </summary>
public sealed class FeaturePipeline(FeatureSchema schema, FeatureEncodings encodings)
{
    private readonly KeyCache _keys = new();

    public FeatureSchema Schema { get; } = schema;

    public FeatureEncodings Encodings { get; } = encodings;

    public int Width => Schema.Width;

    public EncodedApplicant Encode(Applicant applicant) => Encode(applicant, _keys.Of(applicant));

    public EncodedApplicant Encode(Applicant applicant, ApplicantKeys keys) => new(
        applicant,
        Encodings.City.Encode(keys.City),
        Encodings.State.Encode(keys.State),
        Encodings.Profession.Encode(keys.Profession),
        ProfessionGroups.Of(keys.Profession),
        Encodings.City.IsKnown(keys.City),
        Encodings.State.IsKnown(keys.State));

    public void Transform(Applicant applicant, Span<float> destination) => Transform(Encode(applicant), destination);

    public void Transform(in EncodedApplicant encoded, Span<float> destination)
    {
        if (destination.Length != Width)
        {
            throw new ArgumentException($"destination has {destination.Length} slots, the schema has {Width} features", nameof(destination));
        }

        var features = Schema.Features;
        for (var i = 0; i < features.Count; i++)
        {
            destination[i] = features[i].Compute(encoded);
        }
    }

    public float[] Transform(Applicant applicant)
    {
        var vector = new float[Width];
        Transform(applicant, vector);
        return vector;
    }

    /// <summary>Row-major matrix for many applicants; the batch path of the same per-applicant code.</summary>
    public float[] TransformMany(IReadOnlyList<Applicant> applicants)
    {
        var matrix = new float[applicants.Count * Width];
        for (var row = 0; row < applicants.Count; row++)
        {
            Transform(applicants[row], matrix.AsSpan(row * Width, Width));
        }

        return matrix;
    }
}
