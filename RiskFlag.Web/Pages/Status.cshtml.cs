using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RiskFlag.Web.Pages;

/// <summary>
/// What a browser sees for a status the framework answers without a body (no such page, a method the page does not
/// take, a request it cannot read), in the site's style instead of a line of plain text. Reached by re-execution only.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Reason) = code switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is no page at this address. Use the menu above to find what you were looking for."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed here", "This page cannot be used that way (the request's method is not one it takes)."),
            StatusCodes.Status415UnsupportedMediaType => ("Not a form this page takes", "The page takes its own form's fields; for other formats use the API (/api/reference)."),
            StatusCodes.Status400BadRequest => ("Request not understood", "The request could not be read. Go back, reload the page and try again."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status400BadRequest;
    }
}
