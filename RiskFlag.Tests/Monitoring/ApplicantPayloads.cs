using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using RiskFlag.Core.Domain;
using RiskFlag.Tests.Web;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Applicants drawn like the training data, or shifted away from it, as API bodies and batch files.</summary>
public static class ApplicantPayloads
{
    private const string CsvHeader = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";

    // The generator seed TrainedBundles trains on. Its 8,000 rows hold about 190 applicants repeated ~36 times, so
    // the bundle's reference profile is lumpy and a fresh draw with another seed would itself look drifted; rows
    // resampled from the training population are what "drawn like the training data" means for these bundles.
    private const int TrainingSeed = 5;

    private static readonly Lazy<Applicant[]> TrainingPopulation = new(() =>
        [.. new SyntheticApplicantGenerator(TrainingSeed).Generate(TrainedBundles.TrainingRows).Select(a => a.Applicant)]);

    /// <summary>Rows drawn at random (with replacement) from the data the test bundles were trained on.</summary>
    public static IReadOnlyList<Applicant> TrainingLike(int seed, int count)
    {
        var random = new Random(seed);
        var population = TrainingPopulation.Value;
        return [.. Enumerable.Range(0, count).Select(_ => population[random.Next(population.Length)])];
    }

    /// <summary>The same applicants five times poorer: a population the model was not trained on.</summary>
    public static IReadOnlyList<Applicant> Poorer(int seed, int count) =>
        [.. TrainingLike(seed, count).Select(a => a with { Income = Math.Round(a.Income * 0.2) })];

    public static JsonObject ToJson(Applicant applicant) => new()
    {
        ["income"] = applicant.Income,
        ["age"] = applicant.Age,
        ["experience"] = applicant.Experience,
        ["married"] = applicant.MaritalStatus.ToCode(),
        ["house_ownership"] = applicant.HouseOwnership.ToCode(),
        ["car_ownership"] = applicant.OwnsCar.ToCarCode(),
        ["profession"] = applicant.Profession,
        ["city"] = applicant.City,
        ["state"] = applicant.State,
        ["current_job_yrs"] = applicant.CurrentJobYears,
        ["current_house_yrs"] = applicant.CurrentHouseYears,
    };

    public static JsonContent Body(Applicant applicant) => JsonContent.Create(ToJson(applicant));

    public static JsonContent Body(IEnumerable<Applicant> applicants) => JsonContent.Create(new JsonArray([.. applicants.Select(a => (JsonNode)ToJson(a))]));

    /// <param name="invalidAges">Rows appended with an age below the allowed range, to be rejected.</param>
    public static string Csv(IEnumerable<Applicant> applicants, int invalidAges = 0)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        var id = 0;
        foreach (var a in applicants)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++id},{a.Income},{a.Age},{a.Experience},{a.MaritalStatus.ToCode()},{a.HouseOwnership.ToCode()},")
                .Append(CultureInfo.InvariantCulture, $"{a.OwnsCar.ToCarCode()},\"{a.Profession}\",\"{a.City}\",\"{a.State}\",{a.CurrentJobYears},{a.CurrentHouseYears}\n");
        }

        for (var i = 0; i < invalidAges; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++id},1000000,5,1,single,rented,no,Engineer,Rewa,Madhya_Pradesh,1,1\n");
        }

        return text.ToString();
    }

    public static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");
}
