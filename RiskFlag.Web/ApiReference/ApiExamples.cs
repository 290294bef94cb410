using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskFlag.Web.ApiReference;

/// <summary>
/// Request and response examples in the OpenAPI document, so the API reference shows what to send and what comes
/// back. A test posts the request example to the running site and compares the answer's shape with the response one.
/// </summary>
public sealed class ApiExamples : IOpenApiOperationTransformer
{
    public static JsonObject PredictRequest() => new()
    {
        ["id"] = "A-1001",
        ["income"] = 1303834,
        ["age"] = 23,
        ["experience"] = 3,
        ["married"] = "single",
        ["house_ownership"] = "rented",
        ["car_ownership"] = "no",
        ["profession"] = "Mechanical_engineer",
        ["city"] = "Rewa",
        ["state"] = "Madhya_Pradesh",
        ["current_job_yrs"] = 3,
        ["current_house_yrs"] = 13,
    };

    public static JsonObject PredictResponse() => new()
    {
        ["id"] = "A-1001",
        ["risk_flag"] = 1,
        ["risk_probability"] = 0.2731,
        ["threshold"] = 0.1849,
        ["label"] = "High Risk",
        ["model_version"] = "20261202-111404-d63e67b4",
        ["top_factors"] = new JsonArray(
            new JsonObject { ["feature"] = "age", ["description"] = "Age 23", ["contribution"] = 0.94 },
            new JsonObject { ["feature"] = "city_risk", ["description"] = "City Rewa", ["contribution"] = 0.26 },
            new JsonObject { ["feature"] = "experience", ["description"] = "Experience 3 years", ["contribution"] = 0.2 }),
        ["city_known"] = true,
        ["state_known"] = true,
        ["log_odds"] = -0.98,
        ["base_log_odds"] = -2.27,
        ["decision_id"] = "019ae5a2-7c3e-7b41-9d2a-5f1c0e8b3a6d",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == "Predict")
        {
            SetExample(operation.RequestBody?.Content, PredictRequest());
            SetExample(operation.Responses?.GetValueOrDefault("200")?.Content, PredictResponse());
        }

        return Task.CompletedTask;
    }

    private static void SetExample(IDictionary<string, OpenApiMediaType>? content, JsonNode example)
    {
        if (content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = example;
        }
    }
}
