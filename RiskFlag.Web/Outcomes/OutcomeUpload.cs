using System.Globalization;

using Microsoft.AspNetCore.WebUtilities;

using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Audit;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// One outcomes file, from the API or the page: buffered (memory, then a temp file) so the CSV reader can read it
/// synchronously, matched and recorded, and the post written to the audit trail with its counts.
/// </summary>
public sealed class OutcomeUpload(OutcomeIngestion ingestion, AuditTrail audit, LivePerformanceMonitor monitor)
{
    private const int MemoryThreshold = 1 << 20;

    /// <exception cref="InvalidOutcomeFileException">The file as a whole cannot be read; nothing was recorded.</exception>
    public async Task<OutcomeReport> IngestAsync(Stream body, string actor, string source, CancellationToken cancellationToken)
    {
        await using var buffered = new FileBufferingReadStream(body, MemoryThreshold, bufferLimit: null, Path.GetTempPath);
        await buffered.DrainAsync(cancellationToken);
        buffered.Position = 0;
        // Received whole, the file is recorded whole: a client leaving now must not cut it off after some chunks
        // (recorded, but neither answered nor audited).
        var report = await ingestion.IngestAsync(OutcomeFileReader.Read(buffered), CancellationToken.None);
        if (report.Matched > 0)
        {
            monitor.RefreshSoon();
        }

        await audit.RecordAsync(actor, AuditActions.OutcomesPosted, source, string.Create(CultureInfo.InvariantCulture,
            $"read {report.Read}: matched {report.Matched}, duplicate {report.Duplicate}, unknown {report.Unknown}, conflict {report.Conflict}, bad {report.Bad}"),
            CancellationToken.None);
        return report;
    }
}
