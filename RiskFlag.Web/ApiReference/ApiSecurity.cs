using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RiskFlag.Web.ApiReference;

/// <summary>
/// The API's one way in, in the OpenAPI document: an <c>Authorization: Bearer</c> header on every operation that is not
/// anonymous, with the 401 and 403 answers it can bring, so the reference and generated clients send credentials.
/// </summary>
public sealed class ApiSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "One of: the accessToken from POST /api/auth/login; an API key (rfk_…) an administrator made; "
                + "or, when single sign-on is set up, an access token from its authority. The credential's role decides what it may do.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credential, or one that is not valid (expired, revoked, forged)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The credential's role may not do this." });
        return Task.CompletedTask;
    }
}
