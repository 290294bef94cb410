namespace RiskFlag.Web.Errors;

public static class ErrorHandlingExtensions
{
    public static IServiceCollection AddRiskErrorHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<ProblemExceptionHandler>();

    /// <summary>Problem details for the API, the styled error page for pages: in every environment.</summary>
    public static IApplicationBuilder UseRiskErrorHandling(this IApplicationBuilder app) => app.UseExceptionHandler("/Error");
}
