using RiskFlag.Core.Tracking;

namespace RiskFlag.Web.Runs;

/// <summary>
/// GET /runs/{id}/plots/{name}: one of a run's SVG plots. The name must be one of the files listed in the run's
/// plots folder, so no request can reach outside it whatever it contains ("..", slashes, encoded separators).
/// </summary>
public static class RunPlotEndpoint
{
    public static IResult Handle(string id, string name, MlflowFileStore tracking)
    {
        if (tracking.FindRun(id) is not { } run || Plots(run).FirstOrDefault(p => string.Equals(Path.GetFileName(p), name, StringComparison.Ordinal)) is not { } path)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Plot not found");
        }

        return TypedResults.PhysicalFile(path, "image/svg+xml");
    }

    public static IReadOnlyList<string> Plots(RunInfo run)
    {
        var folder = Path.Combine(run.ArtifactsDirectory, "plots");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.svg").Order(StringComparer.Ordinal)] : [];
    }

    public static string Url(RunInfo run, string path) => $"/runs/{Uri.EscapeDataString(run.RunId)}/plots/{Uri.EscapeDataString(Path.GetFileName(path))}";
}
