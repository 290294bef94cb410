using Microsoft.AspNetCore.Http.Features;

namespace RiskFlag.Web.Api;

/// <summary>Per-endpoint body limits, because the batch upload needs far more than Kestrel's default and predict far less.</summary>
public static class RequestBodyLimit
{
    /// <returns>False when the declared Content-Length is already over the limit, so the body need not be read to say so.</returns>
    public static bool Apply(HttpContext context, long maxBytes)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return context.Request.ContentLength is not { } length || length <= maxBytes;
    }

    /// <summary>Kestrel's 413, or the form reader's multipart limit, possibly wrapped (the antiforgery check reads the form too).</summary>
    public static bool IsTooLarge(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // Only the limits on the body's size: the reader's other "length limit"s (boundary, header line) are framing errors.
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && (e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal)
                    || e.Message.StartsWith("Form value length limit", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The form reader's refusals of a multipart body it cannot frame (no or bad boundary, a part without headers, too many
    /// headers, a body that ends early): the client's mistake, not the server's. A body cut off by the connection is not one.
    /// </summary>
    public static bool IsMalformedMultipart(Exception exception) =>
        exception is InvalidDataException or InvalidOperationException or (IOException and not BadHttpRequestException);

    public static string Describe(long maxBytes) => maxBytes >= 1024 * 1024
        ? $"{maxBytes / (1024.0 * 1024):0.#} MB"
        : $"{maxBytes / 1024.0:0.#} KB";
}
