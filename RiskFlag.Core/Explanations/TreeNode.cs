using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// One node of a flattened tree, kept to 12 bytes. Children are stored next to each other (left, then right), so
/// only the left index is needed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TreeNode(int leftChild, int featureIndex, float value)
{
    /// <summary>Index in the forest's node array of the left child (the right child is the next one); -1 for a leaf.</summary>
    public int LeftChild { get; } = leftChild;

    public int FeatureIndex { get; } = featureIndex;

    /// <summary>Split threshold of an internal node: x ≤ Value goes left.</summary>
    public float Value { get; } = value;

    public bool IsLeaf => LeftChild < 0;

    public static TreeNode Leaf => new(-1, 0, 0);

    /// <summary>
    /// The child a row with feature value <paramref name="x"/> goes to, compared in float32 as ML.NET's LightGBM trees
    /// do: x ≤ threshold goes left, anything else (NaN included) right.
    /// </summary>
    public int Child(float x)
    {
        // Branch-free: which way a split goes is close to random, so a branch here mispredicts about half the time.
        bool left = x <= Value;
        return LeftChild + 1 - Unsafe.BitCast<bool, byte>(left);
    }

    public int Sibling(int child) => child == LeftChild ? LeftChild + 1 : LeftChild;
}
