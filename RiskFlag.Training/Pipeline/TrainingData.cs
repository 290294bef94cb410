using System.Security.Cryptography;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;

namespace RiskFlag.Training.Pipeline;

/// <summary>The labelled applicants of one or more files, with the rejected rows accounted for.</summary>
public sealed record TrainingData(IReadOnlyList<ApplicantRecord> Records, IReadOnlyList<string> Problems, int TotalRows, int RejectedRows, int DuplicateRows, string Sha256, IReadOnlyList<string> Files)
{
    public static TrainingData Load(IReadOnlyList<string> files, double maxRejectedShare)
    {
        var records = new List<ApplicantRecord>();
        var problems = new List<string>();
        int total = 0, rejected = 0, duplicates = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // A missing or unreadable file is bad input (exit 3) as for every command; its message names the file.
            var result = ApplicantFileReader.Read(file);

            if (!result.HasLabels && result.Records.Count > 0)
            {
                throw new TrainingDataException($"{file}: has no Risk_Flag column; training needs labelled data");
            }

            hash.AppendData(File.ReadAllBytes(file));
            records.AddRange(result.Records);
            problems.AddRange(result.Errors.Select(e => $"{Path.GetFileName(file)} {e}"));
            total += result.TotalRows;
            rejected += result.RejectedRows;
            duplicates += result.DuplicateRows;
        }

        if (records.Count == 0)
        {
            throw new TrainingDataException($"no valid labelled rows in {string.Join(", ", files)} ({rejected} rejected)");
        }

        var share = total == 0 ? 0 : (double)rejected / total;
        if (share > maxRejectedShare)
        {
            var sample = string.Join(Environment.NewLine, problems.Take(10).Select(p => "  " + p));
            throw new TrainingDataException(
                $"{rejected} of {total} rows ({share:P2}) were rejected, more than the allowed {maxRejectedShare:P2}; first problems:{Environment.NewLine}{sample}");
        }

        return new TrainingData(records, problems, total, rejected, duplicates, Convert.ToHexStringLower(hash.GetHashAndReset()), files.Select(Path.GetFileName).ToList()!);
    }

    public DataFingerprint Fingerprint(int distinctApplicants) => new(
        Records.Count,
        distinctApplicants,
        RejectedRows,
        DuplicateRows,
        Records.Average(r => (double)r.Label!.Value),
        Sha256,
        Files);
}
