namespace RiskFlag.Web.Batch;

/// <summary>GET /batch/results/{id}: the scored CSV of an upload made on the batch page.</summary>
public static class BatchDownloadEndpoint
{
    public static IResult Handle(string id, BatchResultStore store) => store.TryGet(id, out var result)
        ? TypedResults.PhysicalFile(result.Path, "text/csv; charset=utf-8", result.DownloadName)
        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Result not found",
            detail: "The scored file has expired or never existed; upload the file again.");
}
