using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Pages.Filters;

/// <summary>
/// A form post the antiforgery check refused gets a page that says what happened, instead of a bare 400: a form too
/// large to read (413: a field over the form limit, or the whole body over the server's), or a missing or stale
/// security token (400: the page was open too long, or the post came from another site).
/// </summary>
public sealed class FormRefusedPageFilter : IAsyncAlwaysRunResultFilter
{
    public const string ViewName = "/Pages/Shared/FormRefused.cshtml";

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var (status, refusal) = await ExplainAsync(context.HttpContext);
            context.Result = new ViewResult
            {
                ViewName = ViewName,
                StatusCode = status,
                ViewData = new ViewDataDictionary<FormRefusal>(context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = refusal },
            };
        }

        await next();
    }

    private static async Task<(int Status, FormRefusal Refusal)> ExplainAsync(HttpContext context)
    {
        var back = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        if (!context.Request.HasFormContentType)
        {
            return (StatusCodes.Status415UnsupportedMediaType, new FormRefusal("Not a form",
                "This page takes its form's fields (application/x-www-form-urlencoded or multipart/form-data); for JSON use the API (/api/reference). Nothing was scored.", back));
        }

        try
        {
            // The form was read (and failed) once already: reading again hands back that same outcome.
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
            return (StatusCodes.Status413PayloadTooLarge, new FormRefusal("Form too large",
                $"The form could not be read: a field is over {limits.ValueLengthLimit / (1024 * 1024)} MB, or it has over {limits.ValueCountLimit:N0} fields. Nothing was scored.", back));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (StatusCodes.Status413PayloadTooLarge, new FormRefusal("Form too large",
                "The form is larger than the server accepts. Nothing was scored.", back));
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return (StatusCodes.Status400BadRequest, new FormRefusal("Form not received",
                "The form arrived incomplete (the connection broke off?). Nothing was scored: send it again.", back));
        }

        return (StatusCodes.Status400BadRequest, new FormRefusal("Form expired",
            "This form's security token is missing or no longer valid: the page was open too long, you signed in again since, or the post came from another site. Nothing was scored: reload the page and send it again.", back));
    }
}
