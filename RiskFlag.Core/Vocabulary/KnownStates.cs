using System.Collections.Frozen;

namespace RiskFlag.Core.Vocabulary;

/// <summary>
/// The 29 raw state names of the real training data, in its underscore spelling ("West_Bengal").
/// "Uttar_Pradesh[5]" is a separate raw name: the data uses it for Allahabad only.
/// </summary>
public static class KnownStates
{
    /// <summary>Every known state, sorted by raw name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "Andhra_Pradesh",
        "Assam",
        "Bihar",
        "Chandigarh",
        "Chhattisgarh",
        "Delhi",
        "Gujarat",
        "Haryana",
        "Himachal_Pradesh",
        "Jammu_and_Kashmir",
        "Jharkhand",
        "Karnataka",
        "Kerala",
        "Madhya_Pradesh",
        "Maharashtra",
        "Manipur",
        "Mizoram",
        "Odisha",
        "Puducherry",
        "Punjab",
        "Rajasthan",
        "Sikkim",
        "Tamil_Nadu",
        "Telangana",
        "Tripura",
        "Uttar_Pradesh",
        "Uttar_Pradesh[5]",
        "Uttarakhand",
        "West_Bengal",
    ];

    private static readonly FrozenSet<string> Set = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is spelled exactly as in the training data.</summary>
    public static bool Contains(string name) => Set.Contains(name);
}
