using System.Globalization;
using System.Text;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>Collapses labelled records into distinct weighted examples.</summary>
public static class TrainingExamples
{
    public static IReadOnlyList<TrainingExample> From(IEnumerable<ApplicantRecord> records)
    {
        var byKey = new Dictionary<string, (ApplicantRecord First, ApplicantKeys Keys, string Identity, int Copies)>(StringComparer.Ordinal);
        var order = new List<string>();
        var builder = new StringBuilder(128);
        foreach (var record in records)
        {
            var label = record.Label ?? throw new InvalidOperationException($"line {record.Line}: training needs a Risk_Flag value");
            var keys = ApplicantKeys.Of(record.Applicant);
            var identity = Identity(record.Applicant, keys, builder);
            var key = string.Concat(identity, "#", label.ToString(CultureInfo.InvariantCulture));
            if (byKey.TryGetValue(key, out var existing))
            {
                byKey[key] = existing with { Copies = existing.Copies + 1 };
            }
            else
            {
                byKey[key] = (record, keys, identity, 1);
                order.Add(key);
            }
        }

        return order.Select(key =>
        {
            var (first, keys, identity, copies) = byKey[key];
            return new TrainingExample(first.Applicant, keys, first.Label!.Value, copies, StableHash.Of(identity));
        }).ToList();
    }

    /// <summary>The applicant's features in normalised form: "West Bengal" and "West_Bengal" are one applicant.</summary>
    private static string Identity(Applicant a, ApplicantKeys keys, StringBuilder builder)
    {
        builder.Clear();
        var c = CultureInfo.InvariantCulture;
        builder.Append(a.Income.ToString("R", c)).Append('|')
            .Append(a.Age.ToString(c)).Append('|')
            .Append(a.Experience.ToString(c)).Append('|')
            .Append((int)a.MaritalStatus).Append('|')
            .Append((int)a.HouseOwnership).Append('|')
            .Append(a.OwnsCar ? '1' : '0').Append('|')
            .Append(keys.Profession).Append('|')
            .Append(keys.City).Append('|')
            .Append(a.CurrentJobYears.ToString(c)).Append('|')
            .Append(a.CurrentHouseYears.ToString(c));
        return builder.ToString();
    }
}
