namespace RiskFlag.Core.Features;

/// <summary>
/// The eight profession groups of the original model. Coarser than the 51 professions, so a
/// profession with few applicants still borrows strength from similar ones.
/// </summary>
public static class ProfessionGroups
{
    public static readonly IReadOnlyList<string> Names =
    [
        "engineering", "technology", "healthcare", "finance_business",
        "public_service", "creative", "science", "services",
    ];

    /// <summary>Code for professions not in the vocabulary.</summary>
    public const int Unknown = -1;

    private static readonly Dictionary<string, int> GroupOf = Build(new()
    {
        ["engineering"] =
        [
            "biomedical_engineer", "chemical_engineer", "civil_engineer", "computer_hardware_engineer", "design_engineer",
            "engineer", "industrial_engineer", "mechanical_engineer", "petroleum_engineer", "drafter", "surveyor", "technician",
        ],
        ["technology"] = ["software_developer", "computer_operator", "technology_specialist", "web_designer", "analyst"],
        ["healthcare"] = ["dentist", "physician", "surgeon", "psychologist", "microbiologist"],
        ["finance_business"] = ["chartered_accountant", "financial_analyst", "economist", "consultant", "hotel_manager", "secretary"],
        ["public_service"] =
        [
            "army_officer", "civil_servant", "firefighter", "magistrate", "official", "police_officer", "politician", "lawyer", "librarian",
        ],
        ["creative"] = ["artist", "comedian", "designer", "fashion_designer", "graphic_designer", "technical_writer", "architect"],
        ["science"] = ["geologist", "scientist", "statistician"],
        ["services"] = ["air_traffic_controller", "aviator", "chef", "flight_attendant"],
    });

    /// <param name="normalizedProfession">A profession already passed through <see cref="TextNormalizer"/>.</param>
    public static int Of(string normalizedProfession) =>
        GroupOf.TryGetValue(normalizedProfession, out var group) ? group : Unknown;

    public static string NameOf(int group) => group >= 0 && group < Names.Count ? Names[group] : "other";

    private static Dictionary<string, int> Build(Dictionary<string, string[]> members)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (group, professions) in members)
        {
            var index = Names.ToList().IndexOf(group);
            foreach (var profession in professions)
            {
                map.Add(profession, index);
            }
        }

        return map;
    }
}
