namespace RiskFlag.Core.Vocabulary;

/// <summary>A city as the real training data spells it, with how its rows were labelled there.</summary>
/// <param name="Name">Raw spelling, e.g. "Warangal[11][12]" or "Khora,_Ghaziabad".</param>
/// <param name="State">Raw state the data pairs the city with, e.g. "Uttar_Pradesh[5]".</param>
/// <param name="Rows">Rows of the real 252,000-row training data in this city.</param>
/// <param name="RiskyRows">Of those rows, how many have Risk_Flag = 1.</param>
public sealed record KnownCity(string Name, string State, int Rows, int RiskyRows)
{
    /// <summary>Share of this city's real rows with Risk_Flag = 1.</summary>
    public double RiskRate => (double)RiskyRows / Rows;
}
