using System.Collections.Concurrent;

using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Explanations;
using RiskFlag.Core.Features;

namespace RiskFlag.Core.Model;

/// <summary>
/// One loaded risk-model.zip: the ML.NET transform chain (features → LightGBM → probability), RiskFlag's metadata,
/// and the TreeSHAP explainer over the same trees. Immutable. A PredictionEngine is not thread-safe, so each scoring
/// call uses one engine on its own: the site's from its <c>PredictionEnginePool</c>, the command line's from the
/// spares kept here.
/// </summary>
public sealed class RiskModel : IServableModel
{
    private readonly ConcurrentBag<PredictionEngine<ApplicantInput, RiskPrediction>> _spares = [];
    private readonly MLContext _ml;

    private RiskModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelBundle bundle, TreeExplainer explainer)
    {
        _ml = ml;
        Transformer = transformer;
        InputSchema = inputSchema;
        Bundle = bundle;
        Explainer = explainer;
        Schema = new FeatureSchema(bundle.Manifest.Features);
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public ModelBundle Bundle { get; }

    public TreeExplainer Explainer { get; }

    public FeatureSchema Schema { get; }

    public BundleManifest Manifest => Bundle.Manifest;

    public string Version => Bundle.Manifest.Version;

    public double Threshold => Bundle.Manifest.Threshold;

    /// <exception cref="InvalidModelBundleException">Missing, corrupt, foreign, of an older format, or inconsistent.</exception>
    public static RiskModel Load(string path)
    {
        try
        {
            return Load(ModelZip.ReadAllBytes(path));
        }
        catch (InvalidModelBundleException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidModelBundleException($"{path}: {e.Message}", e.InnerException);
        }
    }

    public static RiskModel Load(byte[] bytes)
    {
        var bundle = ModelZip.ReadBundle(bytes);
        var ml = RiskModelContext.Create();
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = ml.Model.Load(new MemoryStream(bytes, writable: false), out inputSchema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidModelBundleException($"the ML.NET model in the zip cannot be loaded: {e.Message}", e);
        }

        return Create(ml, transformer, inputSchema, bundle);
    }

    /// <summary>A model straight from training, checked the same way as a loaded one.</summary>
    public static RiskModel Create(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelBundle bundle)
    {
        var width = bundle.Manifest.Features.Count;
        var trees = TreesOf(transformer);
        RequireFeatureWidth(transformer, inputSchema, width);
        TreeExplainer explainer;
        try
        {
            explainer = TreeExplainer.Create(trees.TrainedTreeEnsemble, bundle.Covers, width);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModelBundleException($"the tree covers do not fit the model: {e.Message}", e);
        }

        return new RiskModel(ml, transformer, inputSchema, bundle, explainer);
    }

    /// <summary>A new engine of one's own (not thread-safe).</summary>
    public PredictionEngine<ApplicantInput, RiskPrediction> CreatePredictionEngine() =>
        _ml.Model.CreatePredictionEngine<ApplicantInput, RiskPrediction>(Transformer);

    /// <summary>A spare engine, or a new one: for callers without a pool of their own. Give it back with <see cref="ReturnEngine"/>.</summary>
    public PredictionEngine<ApplicantInput, RiskPrediction> RentEngine() => _spares.TryTake(out var engine) ? engine : CreatePredictionEngine();

    public void ReturnEngine(PredictionEngine<ApplicantInput, RiskPrediction> engine) => _spares.Add(engine);

    private static LightGbmBinaryModelParameters TreesOf(ITransformer transformer)
    {
        var last = transformer is TransformerChain<ITransformer> chain ? chain.LastOrDefault() : transformer;
        if (last is not BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> prediction)
        {
            throw new InvalidModelBundleException($"the model does not end in a calibrated LightGBM binary classifier (found {last?.GetType().Name ?? "nothing"})");
        }

        // The explanations are in log-odds: that needs the trees' raw score to be the logit of the probability.
        var calibrator = prediction.Model.Calibrator;
        if (calibrator.Slope != -1 || calibrator.Offset != 0)
        {
            throw new InvalidModelBundleException($"the model's calibration (slope {calibrator.Slope}, offset {calibrator.Offset}) is not the plain logistic; retrain with this version");
        }

        return prediction.Model.SubModel;
    }

    private static void RequireFeatureWidth(ITransformer transformer, DataViewSchema inputSchema, int width)
    {
        var output = transformer.GetOutputSchema(inputSchema);
        var features = output.GetColumnOrNull(ModelColumns.Features);
        if (features?.Type is not VectorDataViewType { Size: var size } || size != width)
        {
            throw new InvalidModelBundleException($"the model's feature vector does not have the {width} features its manifest lists");
        }

        foreach (var column in new[] { ModelColumns.CityKnown, ModelColumns.StateKnown, ModelColumns.ProfessionKnown, ModelColumns.Probability })
        {
            if (output.GetColumnOrNull(column) is null)
            {
                throw new InvalidModelBundleException($"the model has no '{column}' column");
            }
        }
    }
}
