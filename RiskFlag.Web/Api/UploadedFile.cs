using Microsoft.Net.Http.Headers;

namespace RiskFlag.Web.Api;

/// <summary>
/// The file an upload endpoint takes: the request body itself (CSV or JSON), or the first file of a multipart body, read
/// under the endpoint's size limit. Every way the body can fail to arrive becomes the API's problem answer.
/// </summary>
public static class UploadedFile
{
    /// <summary>What the body may be; the route's metadata (routing answers 415 to anything else) and the handler share it.</summary>
    public static readonly IReadOnlyList<string> AcceptedContentTypes = ["text/csv", "application/csv", "text/plain", "application/json", "multipart/form-data"];

    /// <summary>Hands the file to <paramref name="consume"/>, or answers why there is none.</summary>
    /// <param name="refuse">Checked before the body is read: a reason not to take any file now (e.g. no model), or null.</param>
    public static async Task<IResult> ReadAsync(HttpContext context, long maxBytes, Func<Stream, Task<IResult>> consume, Func<IResult?>? refuse = null)
    {
        var request = context.Request;
        var kind = KindOf(request.ContentType);
        if (kind == BodyKind.Unsupported)
        {
            return ApiProblems.UnsupportedMediaType(request.ContentType, AcceptedContentTypes);
        }

        if (refuse?.Invoke() is { } refusal)
        {
            return refusal;
        }

        if (!RequestBodyLimit.Apply(context, maxBytes))
        {
            return ApiProblems.TooLarge(maxBytes);
        }

        try
        {
            if (kind == BodyKind.Text)
            {
                return await consume(request.Body);
            }

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
            return await consume(file);
        }
        catch (Exception e) when (RequestBodyLimit.IsTooLarge(e))
        {
            return ApiProblems.TooLarge(maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblems.BodyNotReceived(e);
        }
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
