using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Api;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Forms;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Scoring;

namespace RiskFlag.Web.Pages;

/// <summary>Upload a file of applicants and see what happened to every row (the antiforgery check: <see cref="FormUpload"/>).</summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RequestLimits.Scoring)]
public sealed class BatchModel(
    RiskScoringService scoring,
    BatchRunner runner,
    BatchResultStore store,
    IAntiforgery antiforgery,
    IOptions<BatchOptions> options) : PageModel
{
    public const int ShownErrors = 100;

    public ServedRiskModel? Serving { get; private set; }

    public string ModelPath => scoring.ChampionPath;

    public BatchSummary? Summary { get; private set; }

    public string? DownloadId { get; private set; }

    public string? FileName { get; private set; }

    public string? Error { get; private set; }

    public string UploadLimit => RequestBodyLimit.Describe(options.Value.MaxUploadBytes);

    public void OnGet() => Serving = scoring.Champion;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Serving = scoring.Champion;
        var (file, status, error) = await FormUpload.ReadAsync(HttpContext, antiforgery, options.Value.MaxUploadBytes, "applicants", TooLargeMessage());
        if (file is null)
        {
            return Fail(status, error!);
        }

        if (Serving is null)
        {
            return Fail(StatusCodes.Status503ServiceUnavailable, "No model is loaded, so nothing can be scored yet.");
        }

        FileName = Path.GetFileName(file.FileName);
        try
        {
            await using var upload = file.OpenReadStream();
            var path = await runner.SaveUploadAsync(upload, cancellationToken);
            var result = await runner.ScoreAsync(Serving, path, cancellationToken);
            Summary = result.Summary;
            DownloadId = store.Keep(result.OutputPath, result.DownloadName);
            return Page();
        }
        catch (InvalidApplicantFileException e)
        {
            return Fail(StatusCodes.Status400BadRequest, $"The file cannot be read: {e.Message}");
        }
        catch (DecisionNotRecordedException e)
        {
            Response.Headers.RetryAfter = "1";
            return Fail(StatusCodes.Status503ServiceUnavailable, $"The scores are not given because their decisions could not be recorded ({e.Message}). Upload the file again in a moment.");
        }
    }

    private string TooLargeMessage() =>
        $"The file is larger than the upload limit of {UploadLimit}. Split it into smaller files, or use POST /api/predict/batch with a larger configured limit.";

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
