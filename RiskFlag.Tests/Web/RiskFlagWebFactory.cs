using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

using RiskFlag.Web.Serving;

namespace RiskFlag.Tests.Web;

/// <summary>The site in-process, serving the bundle of one <see cref="ModelDirectory"/>, with settings a test can override.</summary>
/// <remarks>
/// The type argument only names the site's assembly. It is not Program because the training CLI, also referenced
/// here, has a Program of its own.
/// </remarks>
public sealed class RiskFlagWebFactory(ModelDirectory model, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService>
{
    public const string ReloadKey = "test-reload-key";

    public ModelDirectory Model { get; } = model;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Model:Path"] = Model.BundlePath,
                ["Model:ReloadKey"] = ReloadKey,
                ["Model:DebounceMilliseconds"] = "100",
                ["Batch:WorkDirectory"] = Model.WorkPath,
                ["Decisions:Database"] = System.IO.Path.Combine(Model.Path, "decisions.db"),
                ["Registry:Directory"] = System.IO.Path.Combine(Model.Path, "registry"),
                ["Tracking:Directory"] = System.IO.Path.Combine(Model.Path, "mlruns"),
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            configuration.AddInMemoryCollection(values);
        });
    }
}
