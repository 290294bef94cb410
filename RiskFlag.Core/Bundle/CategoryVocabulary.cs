namespace RiskFlag.Core.Bundle;

/// <summary>The cities, states and professions the model was trained on, spelled for people (form lists, messages).</summary>
public sealed record CategoryVocabulary(IReadOnlyList<CityName> Cities, IReadOnlyList<string> States, IReadOnlyList<string> Professions);

public sealed record CityName(string City, string State);
