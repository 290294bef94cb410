using System.Globalization;

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

using RiskFlag.Core.Model;

namespace RiskFlag.Core.Features;

/// <summary>
/// Applicant → model input vector, as a fitted ML.NET transform chain: the stateless features
/// (<see cref="ApplicantFeatureMapping"/>), the three target encodings as lookup tables with the prior for unseen
/// values, and the feature assembly in schema order. The only implementation: training builds its matrices with it
/// (once per out-of-fold encoding) and the model zip serves exactly this chain followed by the trees, so training
/// and serving cannot drift apart.
/// </summary>
public sealed class FeaturePipeline
{
    public FeaturePipeline(MLContext ml, FeatureSchema schema, FeatureEncodings encodings)
    {
        Schema = schema;
        Encodings = encodings;
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<ApplicantInput>());
        InputSchema = empty.Schema;
        Transformer = ml.Transforms.CustomMapping(new ApplicantFeatureMapping().GetMapping(), ApplicantFeatureMapping.ContractName)
            .Append(Encode(ml, FeatureCatalog.CityRisk, ModelColumns.CityKey, ModelColumns.CityKnown, encodings.City))
            .Append(Encode(ml, FeatureCatalog.StateRisk, ModelColumns.StateKey, ModelColumns.StateKnown, encodings.State))
            .Append(Encode(ml, FeatureCatalog.ProfessionRisk, ModelColumns.ProfessionKey, ModelColumns.ProfessionKnown, encodings.Profession))
            .Append(ml.Transforms.Concatenate(ModelColumns.Features, [.. schema.Names]))
            .Fit(empty);
        Ml = ml;
    }

    public FeatureSchema Schema { get; }

    public FeatureEncodings Encodings { get; }

    public int Width => Schema.Width;

    /// <summary>ApplicantInput → <see cref="ModelColumns.Features"/> and the known-place flags.</summary>
    public TransformerChain<ColumnConcatenatingTransformer> Transformer { get; }

    /// <summary>The schema of <see cref="ApplicantInput"/> rows, saved with the model zip.</summary>
    public DataViewSchema InputSchema { get; }

    private MLContext Ml { get; }

    /// <summary>This chain with the model appended, flat: what the model zip holds.</summary>
    public TransformerChain<ITransformer> Followed(ITransformer model) => new([.. Transformer, model]);

    /// <summary>Row-major matrix of the model inputs of many applicants.</summary>
    public float[] TransformMany(IEnumerable<ApplicantInput> applicants, int count)
    {
        var matrix = new float[count * Width];
        var transformed = Transformer.Transform(Ml.Data.LoadFromEnumerable(applicants));
        var column = transformed.Schema[ModelColumns.Features];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            if (row == count)
            {
                throw new ArgumentException($"more than the announced {count} applicants", nameof(applicants));
            }

            getter(ref buffer);
            buffer.CopyTo(matrix.AsSpan(row * Width, Width));
            row++;
        }

        return row == count ? matrix : throw new ArgumentException($"{row} applicants where {count} were announced", nameof(applicants));
    }

    // key → rate and key → 1 as lookup tables (an unseen key maps to 0 in both), then the rate or, when unseen, the prior.
    private static EstimatorChain<Microsoft.ML.Transforms.ExpressionTransformer> Encode(MLContext ml, string output, string keyColumn, string knownColumn, TargetEncoding encoding)
    {
        var rates = ml.Data.LoadFromEnumerable(encoding.Values.Select(p => new LookupRow(p.Key, p.Value)));
        var known = ml.Data.LoadFromEnumerable(encoding.Values.Keys.Select(k => new LookupRow(k, 1)));
        var raw = output + "_table";
        return ml.Transforms.Conversion.MapValue(raw, rates, rates.Schema[nameof(LookupRow.Key)], rates.Schema[nameof(LookupRow.Value)], keyColumn)
            .Append(ml.Transforms.Conversion.MapValue(knownColumn, known, known.Schema[nameof(LookupRow.Key)], known.Schema[nameof(LookupRow.Value)], keyColumn))
            .Append(ml.Transforms.Expression(output, $"(rate, known) => known > 0 ? rate : {Literal(encoding.Prior)}", raw, knownColumn));
    }

    // The shortest text that reads back as exactly this float, never in exponent form (the expression language has none).
    private static string Literal(float value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.OrdinalIgnoreCase) ? value.ToString("0.0###################", CultureInfo.InvariantCulture) : text;
    }

    private sealed class LookupRow(string key, float value)
    {
        public string Key { get; set; } = key;

        public float Value { get; set; } = value;
    }
}
