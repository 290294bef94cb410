using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

using RiskFlag.Core.IO;
using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Api;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Forms;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Outcomes;

namespace RiskFlag.Web.Pages;

/// <summary>Upload a file of loan outcomes and see what became of every row (the antiforgery check: <see cref="FormUpload"/>).</summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RequestLimits.Scoring)]
public sealed class OutcomesModel(OutcomeUpload upload, BatchResultStore files, IAntiforgery antiforgery, IOptions<BatchOptions> options) : PageModel
{
    public const int ShownRejections = 100;

    public OutcomeReport? Report { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Downloads every rejected row when there are more than the page shows.</summary>
    public string? RejectedDownloadId { get; private set; }

    public string? Error { get; private set; }

    public string UploadLimit => RequestBodyLimit.Describe(options.Value.MaxUploadBytes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (file, status, error) = await FormUpload.ReadAsync(HttpContext, antiforgery, options.Value.MaxUploadBytes, "outcomes", TooLargeMessage());
        if (file is null)
        {
            return Fail(status, error!);
        }

        FileName = Path.GetFileName(file.FileName);
        try
        {
            await using var stream = file.OpenReadStream();
            Report = await upload.IngestAsync(stream, User.Identity!.Name!, $"page: {FileName}", cancellationToken);
        }
        catch (InvalidOutcomeFileException e)
        {
            return Fail(StatusCodes.Status400BadRequest, $"The file cannot be read: {e.Message}");
        }

        if (Report.Rejected.Count > ShownRejections)
        {
            var path = files.NewFilePath(".csv");
            AtomicFile.Write(path, output => OutcomeRejectionsCsv.Write(output, Report.Rejected));
            RejectedDownloadId = files.Keep(path, $"{Path.GetFileNameWithoutExtension(FileName)}-rejected.csv");
        }

        return Page();
    }

    private string TooLargeMessage() =>
        $"The file is larger than the upload limit of {UploadLimit}. Split it into smaller files (posting a row twice changes nothing).";

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
