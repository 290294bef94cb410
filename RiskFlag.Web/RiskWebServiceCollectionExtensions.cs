using System.Text.Encodings.Web;
using System.Text.Unicode;

using RiskFlag.Web.Api;
using RiskFlag.Web.ApiReference;
using RiskFlag.Web.Errors;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Pages.Filters;
using RiskFlag.Web.Security;

namespace RiskFlag.Web;

public static class RiskWebServiceCollectionExtensions
{
    /// <summary>Pages, problem details, the API reference, and which proxies may name the client.</summary>
    public static IServiceCollection AddRiskWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrustedProxies(configuration);
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new UnknownHandlerPageFilter());
            options.Conventions.ConfigureFilter(new FormRefusedPageFilter());
            PagePolicies.Apply(options);
        });
        // Pages show Indian place names and ₹ amounts: write them as characters, not numeric entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblemDetails.Describe);
        services.AddRiskErrorHandling();
        services.AddRiskApiReference();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Context);
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
        });
        return services;
    }
}
