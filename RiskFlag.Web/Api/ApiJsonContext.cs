using System.Text.Json.Serialization;

namespace RiskFlag.Web.Api;

/// <summary>Compile-time JSON for everything the API writes: no reflection on the hot path, and names in snake_case like the form.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(PredictionResponse[]))]
[JsonSerializable(typeof(ApplicantRequest))]
[JsonSerializable(typeof(ApplicantRequest[]))]
[JsonSerializable(typeof(ModelInfoResponse))]
[JsonSerializable(typeof(ReloadResponse))]
[JsonSerializable(typeof(Core.Outcomes.OutcomeReport))]
[JsonSerializable(typeof(Outcomes.PerformanceReport))]
[JsonSerializable(typeof(Identity.LoginRequest))]
[JsonSerializable(typeof(Identity.AccessTokenResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
