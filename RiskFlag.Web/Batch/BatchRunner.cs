using Microsoft.Extensions.Options;

using RiskFlag.Core.Scoring;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Scoring;

namespace RiskFlag.Web.Batch;

/// <summary>Scores an uploaded file into a scored CSV in the work folder, shared by the batch page and the API.</summary>
public sealed class BatchRunner(BatchResultStore store, IOptions<BatchOptions> options, RiskScoringService scoring)
{
    /// <summary>Copies the request body to disk first: Kestrel forbids the synchronous reads the CSV reader makes, and a file can be re-read.</summary>
    public async Task<string> SaveUploadAsync(Stream upload, CancellationToken cancellationToken)
    {
        var path = store.NewFilePath(".upload");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await upload.CopyToAsync(file, 1 << 16, cancellationToken);
            return path;
        }
        catch
        {
            BatchResultStore.TryDelete(path);
            throw;
        }
    }

    /// <summary>Scores <paramref name="inputPath"/> (and deletes it) into a new CSV file that the caller then owns.</summary>
    /// <exception cref="RiskFlag.Core.Parsing.InvalidApplicantFileException">The file as a whole cannot be read.</exception>
    public async Task<BatchResult> ScoreAsync(ServedRiskModel model, string inputPath, CancellationToken cancellationToken)
    {
        var outputPath = store.NewFilePath(".csv");
        // The request's trace id when it has one: the batch's decisions then lead to its trace.
        var batchId = "batch-" + (RiskActivitySource.CurrentTraceId() ?? Path.GetFileNameWithoutExtension(outputPath));
        try
        {
            // The core scorer is synchronous: it blocks its thread until its parser task has run. Started from a pool
            // thread, that task would sit in the blocked thread's local queue, which a pool kept busy by other requests
            // never steals from; from a thread of its own it goes to the global queue and runs.
            var summary = await Task.Factory.StartNew(
                () =>
                {
                    using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                    using var output = new FileStream(outputPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    return scoring.ScoreFile(model, input, output, batchId, options.Value.PreviewRows, cancellationToken);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            return new BatchResult(outputPath, $"riskflag-scored-{model.Version}.csv", summary);
        }
        catch
        {
            BatchResultStore.TryDelete(outputPath);
            throw;
        }
        finally
        {
            BatchResultStore.TryDelete(inputPath);
        }
    }
}

/// <summary>A scored upload: the summary to show and the scored CSV on disk.</summary>
public sealed record BatchResult(string OutputPath, string DownloadName, BatchSummary Summary);
