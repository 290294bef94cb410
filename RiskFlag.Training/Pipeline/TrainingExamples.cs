using System.Globalization;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>Collapses labelled records into distinct weighted examples.</summary>
public static class TrainingExamples
{
    public static IReadOnlyList<TrainingExample> From(IEnumerable<ApplicantRecord> records)
    {
        var keysCache = new Dictionary<(string, string, string), ApplicantKeys>();
        var byIdentity = new Dictionary<Identity, int>();
        var firsts = new List<(Applicant Applicant, ApplicantKeys Keys, Identity Identity)>();
        var copies = new List<int>();
        foreach (var record in records)
        {
            var label = record.Label ?? throw new InvalidOperationException($"line {record.Line}: training needs a Risk_Flag value");
            var a = record.Applicant;
            // A few hundred distinct spellings across hundreds of thousands of rows: normalise each once.
            if (!keysCache.TryGetValue((a.City, a.State, a.Profession), out var keys))
            {
                keys = ApplicantKeys.Of(a);
                keysCache.Add((a.City, a.State, a.Profession), keys);
            }

            var identity = new Identity(a.Income, a.Age, a.Experience, a.MaritalStatus, a.HouseOwnership, a.OwnsCar,
                keys.Profession, keys.City, a.CurrentJobYears, a.CurrentHouseYears, label);
            if (byIdentity.TryGetValue(identity, out var index))
            {
                copies[index]++;
            }
            else
            {
                byIdentity.Add(identity, firsts.Count);
                firsts.Add((a, keys, identity));
                copies.Add(1);
            }
        }

        var examples = new TrainingExample[firsts.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var (applicant, keys, identity) = firsts[i];
            examples[i] = new TrainingExample(applicant, keys, identity.Label, copies[i], StableHash.Of(identity.Applicant()));
        }

        return examples;
    }

    /// <summary>The applicant's features in normalised form: "West Bengal" and "West_Bengal" are one applicant.</summary>
    private readonly record struct Identity(
        double Income, int Age, int Experience, MaritalStatus Marital, HouseOwnership House, bool Car,
        string Profession, string City, int JobYears, int HouseYears, int Label)
    {
        /// <summary>Stable text of everything but the label: copies with either label share one group.</summary>
        public string Applicant() => string.Join('|',
            Income.ToString("R", CultureInfo.InvariantCulture), Age, Experience, (int)Marital, (int)House, Car ? 1 : 0,
            Profession, City, JobYears, HouseYears);
    }
}
