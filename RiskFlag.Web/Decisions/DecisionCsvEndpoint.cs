using System.Globalization;

using CsvHelper;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// GET /decisions/export.csv: the filtered decisions, streamed a page at a time so an export of millions of rows
/// holds one page in memory. Cells a spreadsheet would execute (= + - @) are neutralised.
/// </summary>
public static class DecisionCsvEndpoint
{
    public const int PageSize = 5_000;

    public static readonly string[] Header =
    [
        "decided_at", "channel", "model_version", "request_id", "income", "age", "experience", "married", "house_ownership",
        "car_ownership", "profession", "city", "state", "current_job_yrs", "current_house_yrs", "probability", "threshold", "flag", "top_factors",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\n" };

    public static async Task HandleAsync(HttpContext context, IDecisionLogStore store)
    {
        var filter = DecisionFilter.FromQuery(context.Request.Query);
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"decisions-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";

        // CsvWriter writes synchronously, which Kestrel forbids on the response: each page goes through a buffer.
        using var buffer = new MemoryStream();
        var offset = 0;
        var first = true;
        while (true)
        {
            var page = await store.SearchAsync(filter.ToQuery(PageSize, offset), cancellationToken);
            buffer.SetLength(0);
            using (var writer = CsvWriter.Create(buffer, Options, leaveOpen: true))
            {
                if (first)
                {
                    writer.WriteHeader(Header);
                    first = false;
                }

                foreach (var decision in page)
                {
                    WriteRow(writer, decision);
                }

                writer.Flush();
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, cancellationToken);
            if (page.Count < PageSize)
            {
                return;
            }

            offset += page.Count;
        }
    }

    private static void WriteRow(CsvWriter writer, DecisionRecord d)
    {
        var a = d.Applicant;
        writer.WriteField(d.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteField(d.Channel);
        writer.WriteField(d.ModelVersion);
        writer.WriteField(d.RequestId);
        writer.WriteField(a.Income.ToString("0.##", CultureInfo.InvariantCulture));
        writer.WriteField(a.Age.ToString(CultureInfo.InvariantCulture));
        writer.WriteField(a.Experience.ToString(CultureInfo.InvariantCulture));
        writer.WriteField(a.MaritalStatus.ToCode());
        writer.WriteField(a.HouseOwnership.ToCode());
        writer.WriteField(a.OwnsCar.ToCarCode());
        writer.WriteField(a.Profession);
        writer.WriteField(a.City);
        writer.WriteField(a.State);
        writer.WriteField(a.CurrentJobYears.ToString(CultureInfo.InvariantCulture));
        writer.WriteField(a.CurrentHouseYears.ToString(CultureInfo.InvariantCulture));
        writer.WriteField(d.Probability.ToString("0.######", CultureInfo.InvariantCulture));
        writer.WriteField(d.Threshold.ToString("0.######", CultureInfo.InvariantCulture));
        writer.WriteField(d.Flag ? "1" : "0");
        writer.WriteField(d.TopFactors);
        writer.EndRecord();
    }
}
