using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Scoring;

namespace RiskFlag.Web.Api;

/// <summary>
/// POST /api/predict/batch: a CSV (or JSON) body, or a multipart upload, answered with the scored CSV. The counts
/// travel in X-RiskFlag-* headers, so the body stays a plain CSV a spreadsheet opens.
/// </summary>
public static class BatchEndpoint
{
    public const string RowsReadHeader = "X-RiskFlag-Rows-Read";
    public const string RowsScoredHeader = "X-RiskFlag-Rows-Scored";
    public const string RowsRejectedHeader = "X-RiskFlag-Rows-Rejected";
    public const string RowsFlaggedHeader = "X-RiskFlag-Rows-Flagged";
    public const string WarningsHeader = "X-RiskFlag-Warnings";
    public const string ModelVersionHeader = "X-RiskFlag-Model-Version";

    public static Task<IResult> HandleAsync(HttpContext context, RiskScoringService scoring, BatchRunner runner, IOptions<BatchOptions> options)
    {
        ServedRiskModel? model = null;
        var started = Stopwatch.GetTimestamp();
        return UploadedFile.ReadAsync(
            context,
            options.Value.MaxUploadBytes,
            async file => await ScoreAsync(context, model!, runner, await runner.SaveUploadAsync(file, context.RequestAborted), started),
            refuse: () => (model = scoring.Champion) is null ? ApiProblems.NoModel() : null);
    }

    private static async Task<IResult> ScoreAsync(HttpContext context, ServedRiskModel model, BatchRunner runner, string uploadPath, long started)
    {
        var uploaded = Stopwatch.GetTimestamp();
        BatchResult result;
        try
        {
            result = await runner.ScoreAsync(model, uploadPath, context.RequestAborted);
        }
        catch (InvalidApplicantFileException e)
        {
            return ApiProblems.Unreadable(e.Message);
        }
        catch (DecisionNotRecordedException e)
        {
            return ApiProblems.NotRecorded(e);
        }

        var summary = result.Summary;
        var headers = context.Response.Headers;
        headers[RowsReadHeader] = summary.Read.ToString(CultureInfo.InvariantCulture);
        headers[RowsScoredHeader] = summary.Scored.ToString(CultureInfo.InvariantCulture);
        headers[RowsRejectedHeader] = summary.Rejected.ToString(CultureInfo.InvariantCulture);
        headers[RowsFlaggedHeader] = summary.Flagged.ToString(CultureInfo.InvariantCulture);
        headers[WarningsHeader] = summary.Warnings.Count.ToString(CultureInfo.InvariantCulture);
        headers[ModelVersionHeader] = summary.ModelVersion;
        // Lets a client (and the benchmark) tell server time from transfer time.
        headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
            $"upload;dur={Stopwatch.GetElapsedTime(started, uploaded).TotalMilliseconds:0.0}, score;dur={Stopwatch.GetElapsedTime(uploaded).TotalMilliseconds:0.0}");
        // The API hands the file over once; only the batch page keeps results for a later download.
        context.Response.OnCompleted(() =>
        {
            BatchResultStore.TryDelete(result.OutputPath);
            return Task.CompletedTask;
        });
        return TypedResults.PhysicalFile(result.OutputPath, "text/csv; charset=utf-8", result.DownloadName);
    }
}
