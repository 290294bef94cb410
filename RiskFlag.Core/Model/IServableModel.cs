using Microsoft.ML;

namespace RiskFlag.Core.Model;

/// <summary>What a prediction engine pool needs of a loaded model: its transform chain and which version it is.</summary>
public interface IServableModel
{
    ITransformer Transformer { get; }

    string Version { get; }
}
