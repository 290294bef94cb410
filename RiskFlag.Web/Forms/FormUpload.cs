using Microsoft.AspNetCore.Antiforgery;

using RiskFlag.Web.Api;

namespace RiskFlag.Web.Forms;

/// <summary>
/// The file a page's upload form sent, read under the page's upload limit. The antiforgery check is made here, after the
/// limit is set: the automatic one would read the whole body under Kestrel's default limit first, and a file over the
/// limit would surface as an unexplained error instead of the page's own message.
/// </summary>
public static class FormUpload
{
    /// <returns>The file, or the status and message the page shows instead.</returns>
    /// <param name="what">What the file holds, for the message when none was chosen ("applicants", "outcomes").</param>
    public static async Task<(IFormFile? File, int Status, string? Error)> ReadAsync(
        HttpContext context, IAntiforgery antiforgery, long maxBytes, string what, string tooLarge)
    {
        if (!RequestBodyLimit.Apply(context, maxBytes))
        {
            return (null, StatusCodes.Status413PayloadTooLarge, tooLarge);
        }

        IFormFile? file;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            file = context.Request.Form.Files.GetFile("file");
        }
        catch (Exception e) when (RequestBodyLimit.IsTooLarge(e))
        {
            return (null, StatusCodes.Status413PayloadTooLarge, tooLarge);
        }
        catch (AntiforgeryValidationException e) when (e.InnerException is { } inner && RequestBodyLimit.IsMalformedMultipart(inner))
        {
            // The token check reads the form first, so a body it cannot frame surfaces here, not as a stale token.
            return (null, StatusCodes.Status400BadRequest, $"The upload could not be read: {inner.Message} Choose the file and upload it again.");
        }
        catch (AntiforgeryValidationException)
        {
            return (null, StatusCodes.Status400BadRequest, "The form has expired. Reload the page and upload the file again.");
        }

        return file is null || file.Length == 0
            ? (null, StatusCodes.Status400BadRequest, $"Choose a CSV or JSON file of {what} to upload.")
            : (file, StatusCodes.Status200OK, null);
    }
}
