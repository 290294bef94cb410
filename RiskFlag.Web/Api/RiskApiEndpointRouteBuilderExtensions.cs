using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Identity;
using RiskFlag.Web.Outcomes;
using RiskFlag.Web.Scoring;

namespace RiskFlag.Web.Api;

public static class RiskApiEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder endpoints)
    {
        // Bearer tokens only (no cookies), so there is nothing for a forged cross-site request to ride on.
        var api = endpoints.MapGroup("/api").WithTags("Risk API").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // The hot path takes its singletons from here rather than per request, so it never opens a service scope.
        var scoring = endpoints.ServiceProvider.GetRequiredService<RiskScoringService>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiOptions>>();
        api.MapPost("/predict", (Delegate)((HttpContext context) => PredictEndpoint.HandleAsync(context, scoring, options)))
            .WithName("Predict")
            .RequireAuthorization(RiskPolicies.Scoring)
            .RequireRateLimiting(RequestLimits.Scoring)
            .WithSummary("Score one applicant object or an array of them")
            .Accepts<ApplicantRequest>("application/json")
            .Produces<PredictionResponse>(contentType: "application/json")
            .Produces<PredictionResponse[]>(contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/predict/batch", BatchEndpoint.HandleAsync)
            .WithName("PredictBatch")
            .RequireAuthorization(RiskPolicies.Batch)
            .RequireRateLimiting(RequestLimits.Scoring)
            .WithSummary("Score a CSV or JSON file (request body or multipart upload) into a scored CSV")
            .Accepts<IFormFile>(UploadedFile.AcceptedContentTypes[0], [.. UploadedFile.AcceptedContentTypes.Skip(1)])
            .Produces<FileContentResult>(contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/outcomes", OutcomesEndpoint.HandleAsync)
            .WithName("PostOutcomes")
            .RequireAuthorization(RiskPolicies.Outcomes)
            .RequireRateLimiting(RequestLimits.Scoring)
            .WithSummary("Record loan outcomes (decision_id,risk_flag[,observed_at]) from a CSV or JSON file; answers what became of every row")
            .Accepts<IFormFile>(UploadedFile.AcceptedContentTypes[0], [.. UploadedFile.AcceptedContentTypes.Skip(1)])
            .Produces<Core.Outcomes.OutcomeReport>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/performance", PerformanceEndpoint.HandleAsync)
            .WithName("Performance")
            .RequireAuthorization(RiskPolicies.Performance)
            .WithSummary("Live performance of each model version on the outcomes of its decisions in a window (from, to, model, channel), beside its training figures")
            .Produces<PerformanceReport>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/model", ModelEndpoints.Describe)
            .WithName("Model")
            .WithSummary("The model serving now: version, threshold, metrics, when it was loaded")
            .Produces<ModelInfoResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/model/reload", ModelEndpoints.ReloadAsync)
            .WithName("ReloadModel")
            .WithSummary("Reload the champion model zip from disk now (operators)")
            .RequireAuthorization(RiskPolicies.Operations)
            .Produces<ReloadResponse>()
            .Produces<ReloadResponse>(StatusCodes.Status422UnprocessableEntity);

        return endpoints;
    }
}
