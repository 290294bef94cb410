using System.Net;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Access;

/// <summary>Every endpoint the site maps needs a signed-in user, except health, sign-in, the error page and static files; asked without credentials, each one refuses.</summary>
public sealed partial class EndpointPolicyTests(ServedSite site) : IClassFixture<ServedSite>
{
    private static readonly string[] OpenRoutes =
    [
        "/health/live", "/health/ready", "/api/auth/login", "/Account/SignIn", "/Account/SingleSignOn", "/Account/SignOut", "/Account/Denied", "/Error", "/Status",
    ];

    [Fact]
    public void Only_health_sign_in_and_the_error_page_allow_anonymous_access()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Route)
            .Where(route => !IsReferenceAsset(route)).Distinct().Order().ToList();

        Assert.Equal(OpenRoutes.Order(), open);
    }

    [Fact]
    public async Task Every_other_endpoint_is_covered_by_a_policy_or_the_fallback_policy()
    {
        var endpoints = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();

        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints found");
        // An endpoint without authorization data gets the fallback policy: make sure there is one and that it needs a role.
        var fallback = await site.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement);
    }

    [Fact]
    public async Task Asked_without_credentials_every_endpoint_refuses()
    {
        using var client = site.Factory.CreateAnonymousClient();
        var asked = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = Parameter().Replace(Route(endpoint), "x");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                asked++;
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.StartsWith("/Account/SignIn", SignInPageTests.PathOf(response), StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without credentials");
                }
            }
        }

        Assert.True(asked > 20, $"only {asked} requests made");
    }

    [Theory]
    [InlineData("/api/predict")]
    [InlineData("/metrics")]
    [InlineData("/api/model")]
    public async Task The_api_answers_401_with_a_bearer_challenge_not_a_redirect(string path)
    {
        using var client = site.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Static_files_and_the_sign_in_page_are_served_to_anyone()
    {
        using var client = site.Factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>The API reference's own script and icon files (static files, mapped by Scalar); the page itself is not one of them.</summary>
    private static bool IsReferenceAsset(string route) =>
        route.StartsWith("/api/reference/", StringComparison.Ordinal) && Path.HasExtension(route) && !route.Contains('{', StringComparison.Ordinal);

    private IEnumerable<RouteEndpoint> Endpoints() =>
        site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
