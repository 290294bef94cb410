using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RiskFlag.Core.Engine;

/// <summary>
/// One node of a flattened tree, kept to 16 bytes so that four share a cache line. Children are stored next to
/// each other (left, then right), so only the left index is needed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TreeNode(int leftChild, int featureIndex, float value, bool defaultLeft)
{
    /// <summary>Index in the forest's node array of the left child (the right child is the next one); -1 for a leaf.</summary>
    public int LeftChild { get; } = leftChild;

    public int FeatureIndex { get; } = featureIndex;

    /// <summary>Split threshold of an internal node (x &lt; Value goes left), or the output of a leaf.</summary>
    public float Value { get; } = value;

    /// <summary>Where a missing (NaN) feature goes.</summary>
    public bool DefaultLeft { get; } = defaultLeft;

    public bool IsLeaf => LeftChild < 0;

    public static TreeNode Leaf(float value)
    {
        return new TreeNode(-1, 0, value, defaultLeft: false);
    }

    /// <summary>The child a row with feature value <paramref name="x"/> goes to, compared in float32 as XGBoost does.</summary>
    public int Child(float x)
    {
        // Branch-free: which way a split goes is close to random, so a branch here mispredicts about half the time.
        bool left = (x < Value) | (float.IsNaN(x) & DefaultLeft);
        return LeftChild + 1 - Unsafe.BitCast<bool, byte>(left);
    }

    public int Sibling(int child)
    {
        return child == LeftChild ? LeftChild + 1 : LeftChild;
    }
}
