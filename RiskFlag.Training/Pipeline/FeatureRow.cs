using Microsoft.ML;
using Microsoft.ML.Data;

using RiskFlag.Core.Model;

namespace RiskFlag.Training.Pipeline;

/// <summary>One row LightGBM trains on: the model inputs the feature pipeline produced, the label and the row's weight.</summary>
public sealed class FeatureRow
{
    [ColumnName(ModelColumns.Features)]
    public float[] Features { get; set; } = [];

    [ColumnName(ModelColumns.Label)]
    public bool Label { get; set; }

    [ColumnName(ModelColumns.Weight)]
    public float Weight { get; set; }

    /// <summary>A data view over a row-major matrix whose feature column has the fixed width the model zip's chain produces.</summary>
    public static IDataView View(MLContext ml, float[] matrix, int width, float[] labels, float[] weights)
    {
        var rows = new FeatureRow[labels.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new FeatureRow { Features = matrix[(i * width)..((i + 1) * width)], Label = labels[i] > 0.5f, Weight = weights[i] };
        }

        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[ModelColumns.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
