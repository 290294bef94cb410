using RiskFlag.Web;
using RiskFlag.Web.Api;
using RiskFlag.Web.Decisions;
using RiskFlag.Web.Health;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Outcomes;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddRiskConsoleLogging(builder.Environment);
builder.Services.AddRiskScoring(builder.Configuration);
builder.Services.AddRiskWeb(builder.Configuration);
builder.Services.AddRiskMonitoring(builder.Configuration);
builder.Services.AddRiskTracing(builder.Configuration);
builder.Services.AddDecisionLog(builder.Configuration);
builder.Services.AddOutcomes(builder.Configuration);
builder.Services.AddOperatorPages(builder.Configuration);
builder.Services.AddRiskIdentity(builder.Configuration);

if (AccessCommandLine.Handles(args))
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    return await AccessCommandLine.RunAsync(builder.Build().Services, args, Console.In, Console.Out, Console.Error);
}

var app = builder.Build();
app.UseRiskPipeline();
app.MapHealth();
app.MapRiskIdentity();
app.MapMetrics();
app.MapRiskApi();
app.MapRiskPages();
app.MapOperatorEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
