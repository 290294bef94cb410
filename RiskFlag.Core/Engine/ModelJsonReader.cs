using System.Globalization;
using System.Text.Json;

namespace RiskFlag.Core.Engine;

/// <summary>
/// Reads the parts of an XGBoost 1.7 model JSON document (Booster.save_model(...json)) that scoring needs, and
/// rejects models the managed evaluator would score differently from XGBoost.
/// </summary>
internal static class ModelJsonReader
{
    private const string SupportedObjective = "binary:logistic";

    /// <exception cref="InvalidDataException">Not valid JSON, not an XGBoost model, or a model this evaluator cannot score.</exception>
    internal static ModelDefinition Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadModel(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            // Malformed documents surface from System.Text.Json in several shapes; callers get one.
            throw new InvalidDataException("XGBoost model JSON: " + e.Message, e);
        }
    }

    private static ModelDefinition ReadModel(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement learner = Property(document.RootElement, "learner");

        string objective = Property(Property(learner, "objective"), "name").GetString() ?? string.Empty;
        Require(objective == SupportedObjective, $"objective '{objective}' is not supported; only {SupportedObjective} is.");

        JsonElement booster = Property(learner, "gradient_booster");
        string boosterName = Property(booster, "name").GetString() ?? string.Empty;
        Require(boosterName == "gbtree", $"booster '{boosterName}' is not supported; only gbtree is.");

        JsonElement parameters = Property(learner, "learner_model_param");
        int featureCount = ParseInt(Property(parameters, "num_feature"));
        Require(featureCount > 0, "num_feature must be positive.");
        int classCount = ParseInt(Property(parameters, "num_class"));
        Require(classCount <= 1, "multi-class models are not supported.");
        float baseScore = ParseFloat(Property(parameters, "base_score"));

        JsonElement model = Property(booster, "model");
        foreach (JsonElement group in Property(model, "tree_info").EnumerateArray())
        {
            Require(group.GetInt32() == 0, "every tree must belong to output group 0.");
        }

        var trees = new List<ModelTree>();
        foreach (JsonElement tree in Property(model, "trees").EnumerateArray())
        {
            trees.Add(ReadTree(tree, featureCount));
        }

        return new ModelDefinition(featureCount, baseScore, trees);
    }

    private static ModelTree ReadTree(JsonElement tree, int featureCount)
    {
        int[] left = IntArray(tree, "left_children");
        int nodes = left.Length;
        var result = new ModelTree(
            left,
            IntArray(tree, "right_children"),
            IntArray(tree, "split_indices"),
            FloatArray(tree, "split_conditions"),
            BoolArray(tree, "default_left"),
            FloatArray(tree, "sum_hessian"));

        Require(nodes > 0, "a tree has no nodes.");
        Require(
            result.RightChildren.Length == nodes && result.SplitIndices.Length == nodes && result.SplitConditions.Length == nodes
                && result.DefaultLeft.Length == nodes && result.SumHessian.Length == nodes,
            "a tree's node arrays differ in length.");
        if (tree.TryGetProperty("split_type", out JsonElement splitTypes))
        {
            // Categorical splits test set membership rather than x < threshold.
            Require(splitTypes.EnumerateArray().All(type => type.GetInt32() == 0), "categorical splits are not supported.");
        }

        for (int node = 0; node < nodes; node++)
        {
            if (result.IsLeaf(node))
            {
                continue;
            }

            Require(IsNode(result.LeftChildren[node], nodes) && IsNode(result.RightChildren[node], nodes), "a child index is out of range.");
            Require(result.SplitIndices[node] >= 0 && result.SplitIndices[node] < featureCount, "a split feature is out of range.");
        }

        return result;
    }

    private static bool IsNode(int index, int nodeCount)
    {
        return index > 0 && index < nodeCount;
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new InvalidDataException($"XGBoost model JSON: missing '{name}'.");
    }

    // XGBoost writes learner parameters as strings ("5E-1", "8") and tree arrays as numbers.
    private static int ParseInt(JsonElement element)
    {
        return element.ValueKind == JsonValueKind.String
            ? int.Parse(element.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : element.GetInt32();
    }

    private static float ParseFloat(JsonElement element)
    {
        return element.ValueKind == JsonValueKind.String
            ? float.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : element.GetSingle();
    }

    private static int[] IntArray(JsonElement tree, string name)
    {
        return [.. Property(tree, name).EnumerateArray().Select(static value => value.GetInt32())];
    }

    private static float[] FloatArray(JsonElement tree, string name)
    {
        // Thresholds are float32 in XGBoost and written in shortest round-trip form, so this recovers them exactly.
        return [.. Property(tree, name).EnumerateArray().Select(static value => value.GetSingle())];
    }

    private static bool[] BoolArray(JsonElement tree, string name)
    {
        // 1.7 writes 0/1; accept true/false too.
        return
        [
            .. Property(tree, name).EnumerateArray()
                .Select(static value => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : value.GetInt32() != 0),
        ];
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException("XGBoost model JSON: " + problem);
        }
    }
}
