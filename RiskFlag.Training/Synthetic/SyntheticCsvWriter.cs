using CsvHelper;

using RiskFlag.Core.Domain;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Writes rows in the Kaggle training schema: header first, LF line ends and RFC 4180 quoting, so
/// a city such as "Khora,_Ghaziabad" comes out quoted.
/// </summary>
internal static class SyntheticCsvWriter
{
    public static readonly string[] Header =
    [
        "Id", "Income", "Age", "Experience", "Married/Single", "House_Ownership", "Car_Ownership",
        "Profession", "CITY", "STATE", "CURRENT_JOB_YRS", "CURRENT_HOUSE_YRS", "Risk_Flag",
    ];

    // The real training file ends its lines with LF; CsvHelper defaults to RFC 4180's CRLF.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    /// <summary>Writes UTF-16 text to <paramref name="writer"/>, which chooses the encoding.</summary>
    public static void Write(TextWriter writer, IEnumerable<SyntheticApplicant> rows)
    {
        using CsvWriter csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        Write(csv, rows);
    }

    /// <summary>Writes UTF-8 without a byte order mark to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IEnumerable<SyntheticApplicant> rows)
    {
        using CsvWriter csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        Write(csv, rows);
    }

    private static void Write(CsvWriter csv, IEnumerable<SyntheticApplicant> rows)
    {
        csv.WriteHeader(Header);
        foreach (SyntheticApplicant row in rows)
        {
            WriteRow(csv, row);
        }

        csv.Flush();
    }

    private static void WriteRow(CsvWriter csv, SyntheticApplicant row)
    {
        Applicant applicant = row.Applicant;
        csv.WriteField(row.Id);
        // Incomes are whole rupees in the real data; "0" keeps them free of exponents and decimals.
        csv.WriteField(applicant.Income, "0");
        csv.WriteField(applicant.Age);
        csv.WriteField(applicant.Experience);
        csv.WriteField(applicant.MaritalStatus.ToCode());
        csv.WriteField(applicant.HouseOwnership.ToCode());
        csv.WriteField(applicant.OwnsCar.ToCarCode());
        csv.WriteField(applicant.Profession);
        csv.WriteField(applicant.City);
        csv.WriteField(applicant.State);
        csv.WriteField(applicant.CurrentJobYears);
        csv.WriteField(applicant.CurrentHouseYears);
        csv.WriteField(row.RiskFlag);
        csv.EndRecord();
    }
}
