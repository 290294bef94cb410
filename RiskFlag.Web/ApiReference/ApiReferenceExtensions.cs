using Scalar.AspNetCore;

namespace RiskFlag.Web.ApiReference;

public static class ApiReferenceExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddRiskApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer<ApiSecurity>()
            .AddOperationTransformer<ApiSecurity>()
            .AddOperationTransformer<ApiExamples>());

    /// <summary>The OpenAPI document and a readable reference over it (Scalar; its script is served by the site, no CDN).</summary>
    public static WebApplication MapRiskApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("RiskFlag API")
            .WithOpenApiRoutePattern(DocumentPath)
            .HideClientButton());
        return app;
    }
}
