using RiskFlag.Web.Audit;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Api;

/// <summary>GET /api/model and the operators' POST /api/model/reload.</summary>
public static class ModelEndpoints
{
    public static IResult Describe(RiskEnginePool pool) => pool.GetServedModel(ModelNames.Champion) is { } model
        ? TypedResults.Json(ModelInfoResponse.From(model), ApiJson.Context.ModelInfoResponse)
        : ApiProblems.NoModel();

    public static async Task<IResult> ReloadAsync(HttpContext context, RiskEnginePool pool, AuditTrail audit)
    {
        var reload = await pool.ReloadAsync(ModelNames.Champion, RiskEnginePool.OperatorTrigger).WaitAsync(context.RequestAborted);
        var response = ReloadResponse.From(reload);
        await audit.RecordAsync(context.User.Identity!.Name!, AuditActions.ModelReloaded, ModelNames.Champion, $"{reload.Outcome}: {response.Version ?? "no model"}", CancellationToken.None);
        return reload.Outcome == ReloadOutcome.Loaded
            ? TypedResults.Json(response, ApiJson.Context.ReloadResponse)
            : TypedResults.Json(response, ApiJson.Context.ReloadResponse, statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
