using System.Globalization;

using CsvHelper;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.IO;
using RiskFlag.Web.Audit;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// GET /decisions/export.csv: the filtered decisions, newest first, read from the store as they are written out
/// a page at a time, so an export of millions of rows holds about one page in memory. Cells a spreadsheet would execute (= + - @) are neutralised.
/// </summary>
public static class DecisionCsvEndpoint
{
    public const int PageSize = 5_000;

    public static readonly string[] Header =
    [
        "decided_at", "decision_id", "channel", "model_version", "instance", "request_id", "applicant_id", "income", "age", "experience", "married", "house_ownership",
        "car_ownership", "profession", "city", "state", "current_job_yrs", "current_house_yrs", "probability", "threshold", "flag", "top_factors",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    public static async Task HandleAsync(HttpContext context, IDecisionLogStore store, AuditTrail audit)
    {
        var filter = DecisionFilter.FromQuery(context.Request.Query, out var problems);
        if (problems.Count > 0)
        {
            // An export with a filter silently dropped would hand out rows nobody asked for.
            await Results.ValidationProblem(
                new Dictionary<string, string[]> { ["filter"] = [.. problems] },
                title: "The export's filters cannot be read",
                detail: "Nothing was exported; correct the filters listed in errors.").ExecuteAsync(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var filterText = filter.ToQueryString();
        await audit.RecordAsync(context.User.Identity!.Name!, AuditActions.DecisionsExported, "decisions", filterText.Length == 0 ? "no filter" : filterText, cancellationToken);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"decisions-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";

        // CsvWriter writes synchronously, which Kestrel forbids on the response: each page goes through a buffer.
        using var buffer = new MemoryStream();
        var page = new List<DecisionRecord>(PageSize);
        var first = true;
        await foreach (var decision in store.ReadAllAsync(filter.ToQuery(PageSize), cancellationToken))
        {
            page.Add(decision);
            if (page.Count == PageSize)
            {
                await WritePageAsync(context.Response.Body, buffer, page, first, cancellationToken);
                first = false;
                page.Clear();
            }
        }

        await WritePageAsync(context.Response.Body, buffer, page, first, cancellationToken);
    }

    private static async Task WritePageAsync(Stream body, MemoryStream buffer, List<DecisionRecord> page, bool withHeader, CancellationToken cancellationToken)
    {
        buffer.SetLength(0);
        using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            if (withHeader)
            {
                writer.WriteHeader(Header);
            }

            foreach (var decision in page)
            {
                WriteRow(writer, decision);
            }

            writer.Flush();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, cancellationToken);
    }

    private static void WriteRow(CsvWriter writer, DecisionRecord d)
    {
        var a = d.Applicant;
        writer.WriteText(d.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteText(d.DecisionId == Guid.Empty ? string.Empty : d.DecisionId.ToString());
        writer.WriteText(d.Channel);
        writer.WriteText(d.ModelVersion);
        writer.WriteText(d.Instance);
        writer.WriteText(d.RequestId);
        writer.WriteText(d.ApplicantId);
        writer.WriteText(a.Income.ToString("0.##", CultureInfo.InvariantCulture));
        writer.WriteText(a.Age.ToString(CultureInfo.InvariantCulture));
        writer.WriteText(a.Experience.ToString(CultureInfo.InvariantCulture));
        writer.WriteText(a.MaritalStatus.ToCode());
        writer.WriteText(a.HouseOwnership.ToCode());
        writer.WriteText(a.OwnsCar.ToCarCode());
        writer.WriteText(a.Profession);
        writer.WriteText(a.City);
        writer.WriteText(a.State);
        writer.WriteText(a.CurrentJobYears.ToString(CultureInfo.InvariantCulture));
        writer.WriteText(a.CurrentHouseYears.ToString(CultureInfo.InvariantCulture));
        writer.WriteText(d.Probability.ToString("0.######", CultureInfo.InvariantCulture));
        writer.WriteText(d.Threshold.ToString("0.######", CultureInfo.InvariantCulture));
        writer.WriteText(d.Flag ? "1" : "0");
        writer.WriteText(d.TopFactors);
        writer.EndRecord();
    }
}
