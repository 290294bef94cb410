using Microsoft.Extensions.Options;

using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Api;
using RiskFlag.Web.Batch;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// POST /api/outcomes: a CSV or JSON file of <c>decision_id,risk_flag[,observed_at]</c> rows (or the applicant's Id
/// instead of the decision id), answered with what became of every row. A file that can be read answers 200 whatever
/// its rows held; the counts say what was recorded and <c>rejected</c> lists every row that was not.
/// </summary>
public static class OutcomesEndpoint
{
    public static Task<IResult> HandleAsync(HttpContext context, OutcomeUpload upload, IOptions<BatchOptions> options) =>
        UploadedFile.ReadAsync(context, options.Value.MaxUploadBytes, async file =>
        {
            try
            {
                var report = await upload.IngestAsync(file, context.User.Identity!.Name!, "api", context.RequestAborted);
                return TypedResults.Json(report, ApiJson.Context.OutcomeReport);
            }
            catch (InvalidOutcomeFileException e)
            {
                return ApiProblems.Unreadable(e.Message);
            }
        });
}
