using RiskFlag.Core.Vocabulary;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>Generated applicants use only the real vocabulary, spelled as the training data spells it.</summary>
public class GeneratedVocabularyTests
{
    [Fact]
    public void EveryCityIsKnownAndPairedWithItsRealState()
    {
        Assert.All(GeneratedSamples.Full, row =>
        {
            Assert.True(KnownCities.TryGet(row.Applicant.City, out KnownCity? city), row.Applicant.City);
            Assert.Equal(city.State, row.Applicant.State);
        });
    }

    [Fact]
    public void EveryProfessionAndStateIsKnown()
    {
        Assert.All(GeneratedSamples.Full, row =>
        {
            Assert.True(KnownProfessions.Contains(row.Applicant.Profession), row.Applicant.Profession);
            Assert.True(KnownStates.Contains(row.Applicant.State), row.Applicant.State);
        });
    }

    [Fact]
    public void FullSizeDataUsesTheWholeVocabulary()
    {
        Assert.Equal(317, GeneratedSamples.Full.Select(row => row.Applicant.City).Distinct().Count());
        Assert.Equal(51, GeneratedSamples.Full.Select(row => row.Applicant.Profession).Distinct().Count());
        Assert.Equal(29, GeneratedSamples.Full.Select(row => row.Applicant.State).Distinct().Count());
    }

    [Fact]
    public void CitiesAppearInProportionToTheirRealRowCounts()
    {
        // Counted per distinct applicant: row counts swing with the ~36 copies of repeated applicants.
        Dictionary<string, int> applicantsPerCity = GeneratedSamples.Full
            .Select(row => row.Applicant)
            .Distinct()
            .CountBy(applicant => applicant.City)
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        double[] generated = [.. KnownCities.All.Select(city => (double)applicantsPerCity.GetValueOrDefault(city.Name))];
        double[] real = [.. KnownCities.All.Select(city => (double)city.Rows)];

        Assert.True(Correlation(generated, real) > 0.85, $"correlation {Correlation(generated, real):F3}");
    }

    private static double Correlation(double[] x, double[] y)
    {
        double meanX = x.Average();
        double meanY = y.Average();
        double covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        double spreadX = Math.Sqrt(x.Sum(a => (a - meanX) * (a - meanX)));
        double spreadY = Math.Sqrt(y.Sum(b => (b - meanY) * (b - meanY)));
        return covariance / (spreadX * spreadY);
    }
}
