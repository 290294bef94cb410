using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Api;

/// <summary>GET /api/model and the operators' POST /api/model/reload.</summary>
public static class ModelEndpoints
{
    public const string ReloadKeyHeader = "X-Reload-Key";

    public static IResult Describe(RiskEnginePool pool) => pool.GetServedModel(ModelNames.Champion) is { } model
        ? TypedResults.Json(ModelInfoResponse.From(model), ApiJson.Context.ModelInfoResponse)
        : ApiProblems.NoModel(pool.Slot(ModelNames.Champion).Path);

    public static async Task<IResult> ReloadAsync(HttpContext context, RiskEnginePool pool, IOptions<ModelOptions> options)
    {
        var expected = options.Value.ReloadKey;
        if (string.IsNullOrEmpty(expected))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Reloading over HTTP is disabled",
                detail: "Set Model:ReloadKey to enable POST /api/model/reload; the site reloads by itself when the bundle file changes.");
        }

        var given = context.Request.Headers[ReloadKeyHeader].ToString();
        if (given.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Reload key required",
                detail: $"Send the key in the {ReloadKeyHeader} header.");
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong reload key");
        }

        var reload = await pool.ReloadAsync(ModelNames.Champion, RiskEnginePool.OperatorTrigger).WaitAsync(context.RequestAborted);
        var response = ReloadResponse.From(reload);
        return reload.Outcome == ReloadOutcome.Loaded
            ? TypedResults.Json(response, ApiJson.Context.ReloadResponse)
            : TypedResults.Json(response, ApiJson.Context.ReloadResponse, statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
