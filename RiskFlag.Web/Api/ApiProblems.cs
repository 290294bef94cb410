using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Api;

/// <summary>The RFC 7807 answers the API gives, worded once.</summary>
public static class ApiProblems
{
    /// <summary>Names no server path: the operator finds it on the health check and the Models page.</summary>
    public static IResult NoModel() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No model is loaded",
        detail: "The site has no model to score with. Train one and publish it to the served model path (Model:Path); it is picked up automatically.");

    /// <summary>The prediction was made but could not be logged, so it is not given: an audit trail holds every answer.</summary>
    public static IResult NotRecorded(DecisionNotRecordedException e) => new RetryLater(Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The decision could not be recorded",
        detail: $"No answer is given for a decision that is not in the log: {e.Message}. Retry in a moment."));

    public static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The body is larger than the limit of {RequestBodyLimit.Describe(maxBytes)}.");

    public static IResult UnsupportedMediaType(string? received, IReadOnlyList<string> accepted) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type",
        detail: $"Accepted: {string.Join(", ", accepted)}; got {(string.IsNullOrEmpty(received) ? "no content type" : InputExcerpt.Of(received))}.");

    public static IResult Unreadable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request body cannot be read",
        detail: detail);

    /// <summary>Kestrel could not deliver the body (shorter than announced, too slow): its own status, 400 or 408.</summary>
    public static IResult BodyNotReceived(BadHttpRequestException e) => Results.Problem(
        statusCode: e.StatusCode,
        title: "The request body was not received",
        detail: $"{e.Message} Send the whole body with a Content-Length that matches it.");

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(
        errors,
        title: "One or more applicants are invalid",
        detail: "Nothing was scored; correct the fields listed in errors.");
}
