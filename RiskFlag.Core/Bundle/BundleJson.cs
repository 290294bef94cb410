using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskFlag.Core.Bundle;

/// <summary>The one JSON shape of every bundle entry: snake_case, as the API and the params file.</summary>
public static class BundleJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
