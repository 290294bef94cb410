using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

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

    /// <summary>What the body may be; the route's metadata (routing answers 415 to anything else) and the handler share it.</summary>
    public static readonly IReadOnlyList<string> AcceptedContentTypes = ["text/csv", "application/csv", "text/plain", "application/json", "multipart/form-data"];

    public static async Task<IResult> HandleAsync(HttpContext context, RiskScoringService scoring, BatchRunner runner, IOptions<BatchOptions> options)
    {
        var request = context.Request;
        var kind = KindOf(request.ContentType);
        if (kind == BodyKind.Unsupported)
        {
            return ApiProblems.UnsupportedMediaType(request.ContentType, AcceptedContentTypes);
        }

        if (scoring.Champion is not { } model)
        {
            return ApiProblems.NoModel();
        }

        var maxBytes = options.Value.MaxUploadBytes;
        if (!RequestBodyLimit.Apply(context, maxBytes))
        {
            return ApiProblems.TooLarge(maxBytes);
        }

        var started = Stopwatch.GetTimestamp();
        string uploadPath;
        try
        {
            if (kind == BodyKind.Multipart)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception e) when (!RequestBodyLimit.IsTooLarge(e) && RequestBodyLimit.IsMalformedMultipart(e))
                {
                    return ApiProblems.Unreadable($"The multipart body could not be read: {e.Message}");
                }

                if (form.Files.Count == 0)
                {
                    return ApiProblems.Unreadable("The multipart body has no file.");
                }

                await using var file = form.Files[0].OpenReadStream();
                uploadPath = await runner.SaveUploadAsync(file, context.RequestAborted);
            }
            else
            {
                uploadPath = await runner.SaveUploadAsync(request.Body, context.RequestAborted);
            }
        }
        catch (Exception e) when (RequestBodyLimit.IsTooLarge(e))
        {
            return ApiProblems.TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblems.BodyNotReceived(e);
        }

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

    private enum BodyKind
    {
        Unsupported,
        Text,
        Multipart,
    }

    private static BodyKind KindOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return BodyKind.Unsupported;
        }

        var type = media.MediaType.Value ?? string.Empty;
        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Multipart;
        }

        return type.ToLowerInvariant() is "text/csv" or "application/csv" or "text/plain" or "application/json"
            ? BodyKind.Text
            : BodyKind.Unsupported;
    }
}
