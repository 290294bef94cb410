using System.Globalization;
using System.Text;

using CsvHelper;

using RiskFlag.Core.Domain;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

public class SyntheticCsvTests
{
    private const string KaggleHeader =
        "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS,Risk_Flag";

    private const int Rows = 50_000;

    [Fact]
    public void CsvStartsWithKaggleHeaderAndUsesLfLineEnds()
    {
        string csv = WriteCsv();

        Assert.StartsWith(KaggleHeader + "\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', csv);
        Assert.EndsWith("\n", csv, StringComparison.Ordinal);
        Assert.Equal(Rows + 1, csv.Count(character => character == '\n'));
    }

    [Fact]
    public void CityWithCommaIsQuoted()
    {
        string csv = WriteCsv();

        Assert.Contains(",\"Khora,_Ghaziabad\",Uttar_Pradesh,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvRoundTripsThroughCsvHelper()
    {
        List<SyntheticApplicant> expected = [.. new SyntheticApplicantGenerator(GeneratedSamples.Seed).Generate(Rows)];
        using var text = new StringReader(WriteCsv());
        using CsvReader reader = CsvReader.Create(text);

        List<SyntheticApplicant> read = [];
        while (reader.Read())
        {
            read.Add(ReadRow(reader));
        }

        Assert.Equal(KaggleHeader.Split(','), reader.Headers);
        Assert.Equal(expected, read);
        Assert.Contains(read, row => row.Applicant.City == "Khora,_Ghaziabad");
        Assert.Contains(read, row => row.Applicant.City == "Hubli\u2013Dharwad");
        Assert.Contains(read, row => row.Applicant.City == "Warangal[11][12]");
    }

    [Fact]
    public void StreamOutputIsUtf8WithoutByteOrderMark()
    {
        using var stream = new MemoryStream();
        new SyntheticApplicantGenerator(GeneratedSamples.Seed).WriteCsv(stream, Rows);
        byte[] bytes = stream.ToArray();

        Assert.Equal("Id,"u8.ToArray(), bytes[..3]);
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.Equal(WriteCsv(), text);
        Assert.Contains("Hubli\u2013Dharwad", text, StringComparison.Ordinal);
    }

    private static string WriteCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new SyntheticApplicantGenerator(GeneratedSamples.Seed).WriteCsv(writer, Rows);
        return writer.ToString();
    }

    private static SyntheticApplicant ReadRow(CsvReader reader)
    {
        Assert.True(DomainCodes.TryParseMaritalStatus(reader.GetString("Married/Single"), out MaritalStatus marital));
        Assert.True(DomainCodes.TryParseHouseOwnership(reader.GetString("House_Ownership"), out HouseOwnership house));
        Assert.True(DomainCodes.TryParseCarOwnership(reader.GetString("Car_Ownership"), out bool car));
        var applicant = new Applicant(
            Income: double.Parse(reader.GetString("Income"), CultureInfo.InvariantCulture),
            Age: ParseInt(reader, "Age"),
            Experience: ParseInt(reader, "Experience"),
            MaritalStatus: marital,
            HouseOwnership: house,
            OwnsCar: car,
            Profession: reader.GetString("Profession"),
            City: reader.GetString("CITY"),
            State: reader.GetString("STATE"),
            CurrentJobYears: ParseInt(reader, "CURRENT_JOB_YRS"),
            CurrentHouseYears: ParseInt(reader, "CURRENT_HOUSE_YRS"));
        return new SyntheticApplicant(ParseInt(reader, "Id"), applicant, ParseInt(reader, "Risk_Flag"));
    }

    private static int ParseInt(CsvReader reader, string column)
    {
        return int.Parse(reader.GetString(column), CultureInfo.InvariantCulture);
    }
}
