using System.Collections.Frozen;

namespace RiskFlag.Core.Vocabulary;

/// <summary>
/// The 51 professions of the real training data, in its underscore spelling
/// ("Computer_hardware_engineer"; the Kaggle test file writes spaces instead).
/// </summary>
public static class KnownProfessions
{
    /// <summary>Every known profession, sorted by raw name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "Air_traffic_controller",
        "Analyst",
        "Architect",
        "Army_officer",
        "Artist",
        "Aviator",
        "Biomedical_Engineer",
        "Chartered_Accountant",
        "Chef",
        "Chemical_engineer",
        "Civil_engineer",
        "Civil_servant",
        "Comedian",
        "Computer_hardware_engineer",
        "Computer_operator",
        "Consultant",
        "Dentist",
        "Design_Engineer",
        "Designer",
        "Drafter",
        "Economist",
        "Engineer",
        "Fashion_Designer",
        "Financial_Analyst",
        "Firefighter",
        "Flight_attendant",
        "Geologist",
        "Graphic_Designer",
        "Hotel_Manager",
        "Industrial_Engineer",
        "Lawyer",
        "Librarian",
        "Magistrate",
        "Mechanical_engineer",
        "Microbiologist",
        "Official",
        "Petroleum_Engineer",
        "Physician",
        "Police_officer",
        "Politician",
        "Psychologist",
        "Scientist",
        "Secretary",
        "Software_Developer",
        "Statistician",
        "Surgeon",
        "Surveyor",
        "Technical_writer",
        "Technician",
        "Technology_specialist",
        "Web_designer",
    ];

    private static readonly FrozenSet<string> Set = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is spelled exactly as in the training data.</summary>
    public static bool Contains(string name) => Set.Contains(name);
}
