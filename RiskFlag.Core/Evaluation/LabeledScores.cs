namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Validated view over the parallel inputs every metric reads: a score, a 0/1 label and an optional weight per row.
/// Validating once here lets the metric code trust its input and keeps the error messages in one place.
/// </summary>
internal readonly ref struct LabeledScores
{
    private readonly ReadOnlySpan<float> _probabilities;
    private readonly ReadOnlySpan<float> _labels;
    private readonly ReadOnlySpan<float> _weights;

    public LabeledScores(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
    {
        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException(
                $"labels has {labels.Length} elements but probabilities has {probabilities.Length}; "
                + "each row needs exactly one probability and one label.",
                nameof(labels));
        }

        if (!weights.IsEmpty && weights.Length != probabilities.Length)
        {
            throw new ArgumentException(
                $"weights has {weights.Length} elements but probabilities has {probabilities.Length}; "
                + "pass one weight per row, or an empty span for unit weights.",
                nameof(weights));
        }

        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!float.IsFinite(probabilities[i]))
            {
                throw new ArgumentException($"probabilities[{i}] is {probabilities[i]}; probabilities must be finite.", nameof(probabilities));
            }

            if (labels[i] is not (0f or 1f))
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}; labels must be 0 or 1.", nameof(labels));
            }

            if (!weights.IsEmpty && !(float.IsFinite(weights[i]) && weights[i] >= 0f))
            {
                throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be finite and non-negative.", nameof(weights));
            }
        }

        _probabilities = probabilities;
        _labels = labels;
        _weights = weights;
    }

    public int Count => _probabilities.Length;

    public float Probability(int row) => _probabilities[row];

    public bool IsPositive(int row) => _labels[row] == 1f;

    public double Weight(int row) => _weights.IsEmpty ? 1.0 : _weights[row];
}
