using RiskFlag.Core.Vocabulary;

namespace RiskFlag.Tests.Synthetic;

/// <summary>The vocabulary written into code matches the facts of the real training data.</summary>
public class KnownVocabularyTests
{
    [Fact]
    public void CountsMatchRealData()
    {
        Assert.Equal(317, KnownCities.All.Count);
        Assert.Equal(51, KnownProfessions.All.Count);
        Assert.Equal(29, KnownStates.All.Count);
        Assert.Equal(252_000, KnownCities.TotalRows);
        Assert.Equal(0.123, KnownCities.OverallRiskRate, precision: 3);
    }

    [Fact]
    public void NamesAreUnique()
    {
        Assert.Equal(KnownCities.All.Count, KnownCities.All.Select(city => city.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(KnownProfessions.All.Count, KnownProfessions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(KnownStates.All.Count, KnownStates.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryCityStateIsAKnownStateAndEveryStateHasACity()
    {
        Assert.All(KnownCities.All, city => Assert.True(KnownStates.Contains(city.State), city.State));
        Assert.Equal(KnownStates.All.Order(StringComparer.Ordinal), KnownCities.All.Select(city => city.State).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Warangal[11][12]", "Telangana")]
    [InlineData("Tiruchirappalli[10]", "Tamil_Nadu")]
    [InlineData("Aurangabad", "Maharashtra")]
    [InlineData("Aurangabad[39]", "Bihar")]
    [InlineData("Khora,_Ghaziabad", "Uttar_Pradesh")]
    [InlineData("Hubli\u2013Dharwad", "Karnataka")]
    [InlineData("Allahabad", "Uttar_Pradesh[5]")]
    public void RawSpellingQuirksAreKept(string name, string state)
    {
        Assert.True(KnownCities.TryGet(name, out KnownCity? city));
        Assert.Equal(state, city.State);
    }

    [Fact]
    public void LookupsAreExact()
    {
        Assert.False(KnownCities.TryGet("Warangal", out _));
        Assert.False(KnownProfessions.Contains("Computer hardware engineer"));
        Assert.True(KnownProfessions.Contains("Computer_hardware_engineer"));
        Assert.False(KnownStates.Contains("West Bengal"));
        Assert.True(KnownStates.Contains("West_Bengal"));
    }

    [Fact]
    public void CityRatesAndRowsAreFromTheRealData()
    {
        Assert.True(KnownCities.TryGet("Adoni", out KnownCity? adoni));
        Assert.Equal(953, adoni.Rows);
        Assert.Equal(0.1080797481636936, adoni.RiskRate, precision: 12);
        Assert.All(KnownCities.All, city => Assert.InRange(city.RiskRate, 0.02, 0.33));
    }
}
