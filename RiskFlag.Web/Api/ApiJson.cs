using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskFlag.Web.Api;

/// <summary>The API's JSON settings, applied to the source-generated context.</summary>
public static class ApiJson
{
    /// <summary>Relaxed escaping so "₹" and "–" arrive as themselves; the body is application/json, never inlined in HTML.</summary>
    public static ApiJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
