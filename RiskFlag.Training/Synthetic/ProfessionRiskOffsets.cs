using System.Collections.Frozen;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Fixed log-odds offset per profession in the risk process. The values are invented, not measured:
/// salaried, credentialed and public-sector work is made safer, irregular or gig-like work riskier,
/// so a model has a learnable categorical signal. Documented in docs/synthetic-data.md.
/// </summary>
internal static class ProfessionRiskOffsets
{
    private static readonly FrozenDictionary<string, double> ByProfession =
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["Air_traffic_controller"] = 0.20,
            ["Analyst"] = -0.10,
            ["Architect"] = -0.20,
            ["Army_officer"] = 0.40,
            ["Artist"] = 0.70,
            ["Aviator"] = 0.00,
            ["Biomedical_Engineer"] = -0.30,
            ["Chartered_Accountant"] = -0.60,
            ["Chef"] = 0.50,
            ["Chemical_engineer"] = -0.20,
            ["Civil_engineer"] = -0.10,
            ["Civil_servant"] = -0.70,
            ["Comedian"] = 0.80,
            ["Computer_hardware_engineer"] = 0.00,
            ["Computer_operator"] = 0.40,
            ["Consultant"] = 0.10,
            ["Dentist"] = -0.50,
            ["Design_Engineer"] = -0.10,
            ["Designer"] = 0.30,
            ["Drafter"] = 0.30,
            ["Economist"] = -0.40,
            ["Engineer"] = 0.00,
            ["Fashion_Designer"] = 0.50,
            ["Financial_Analyst"] = -0.30,
            ["Firefighter"] = 0.30,
            ["Flight_attendant"] = 0.40,
            ["Geologist"] = -0.10,
            ["Graphic_Designer"] = 0.40,
            ["Hotel_Manager"] = 0.20,
            ["Industrial_Engineer"] = -0.10,
            ["Lawyer"] = -0.40,
            ["Librarian"] = -0.20,
            ["Magistrate"] = -0.80,
            ["Mechanical_engineer"] = 0.00,
            ["Microbiologist"] = -0.20,
            ["Official"] = -0.30,
            ["Petroleum_Engineer"] = -0.40,
            ["Physician"] = -0.60,
            ["Police_officer"] = 0.60,
            ["Politician"] = 0.20,
            ["Psychologist"] = -0.20,
            ["Scientist"] = -0.30,
            ["Secretary"] = 0.30,
            ["Software_Developer"] = -0.30,
            ["Statistician"] = -0.40,
            ["Surgeon"] = -0.70,
            ["Surveyor"] = 0.20,
            ["Technical_writer"] = 0.10,
            ["Technician"] = 0.40,
            ["Technology_specialist"] = -0.10,
            ["Web_designer"] = 0.30,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every profession with its offset.</summary>
    public static IReadOnlyDictionary<string, double> All => ByProfession;

    /// <summary>The profession's offset, or 0 for a profession the real data does not know.</summary>
    public static double For(string profession)
    {
        return ByProfession.GetValueOrDefault(profession);
    }
}
