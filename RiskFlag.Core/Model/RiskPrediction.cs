using Microsoft.ML.Data;

namespace RiskFlag.Core.Model;

/// <summary>The output row of the model zip.</summary>
public sealed class RiskPrediction
{
    /// <summary>Raw score of the trees: the log-odds of default (the trainer's sigmoid is 1, so the calibration is the plain logistic).</summary>
    public float Score { get; set; }

    /// <summary>Probability of default.</summary>
    public float Probability { get; set; }

    /// <summary>The model inputs in the manifest's feature order: what the trees saw, for explanations and drift.</summary>
    [VectorType]
    public float[] Features { get; set; } = [];

    /// <summary>1 when the city (with its state) was in the training data, 0 when the average city risk was used.</summary>
    [ColumnName(ModelColumns.CityKnown)]
    public float CityKnown { get; set; }

    [ColumnName(ModelColumns.StateKnown)]
    public float StateKnown { get; set; }

    [ColumnName(ModelColumns.ProfessionKnown)]
    public float ProfessionKnown { get; set; }
}
