namespace RiskFlag.Core.Engine;

/// <summary>
/// One tree exactly as XGBoost's model JSON stores it: parallel arrays indexed by node id, -1 children for leaves,
/// and the leaf value kept in <see cref="SplitConditions"/>.
/// </summary>
internal sealed record ModelTree(
    int[] LeftChildren,
    int[] RightChildren,
    int[] SplitIndices,
    float[] SplitConditions,
    bool[] DefaultLeft,
    float[] SumHessian)
{
    public int NodeCount => LeftChildren.Length;

    public bool IsLeaf(int node)
    {
        return LeftChildren[node] < 0;
    }
}
