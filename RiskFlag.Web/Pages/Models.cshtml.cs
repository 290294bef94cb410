using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Outcomes;
using RiskFlag.Core.Registry;
using RiskFlag.Web.Audit;
using RiskFlag.Web.Registry;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Pages;

/// <summary>
/// The model registry: versions, aliases, promotion history, and an operator's promote and rollback (recorded under the signed-in user). Moving the
/// champion publishes its bundle to the served path; the file watcher then hot-reloads it, as after a CLI promotion.
/// </summary>
public sealed class ModelsModel(SiteRegistry registry, RiskEnginePool pool, AuditTrail audit, IOutcomeStore outcomes) : PageModel
{
    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "force")]
    public bool Force { get; set; }

    public RegistryState? State { get; private set; }

    public string RegistryDirectory => registry.Options.Directory;

    public string ServedPath => registry.Options.ServedBundlePath;

    public string? ServingVersion => pool.GetServedModel(ModelNames.Champion)?.Version;

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public void OnGet() => Load();

    /// <summary>The live evidence is measured first, from every outcome both contenders' decisions share.</summary>
    public async Task<IActionResult> OnPostPromoteAsync()
    {
        // A promotion refused for want of a reason does not read the outcomes first.
        var contenders = registry.Exists && !string.IsNullOrWhiteSpace(Reason) ? registry.Open().Contenders() : null;
        var live = contenders is var (champion, challenger)
            ? await ShadowComparison.BetweenAsync(outcomes, champion, challenger, HttpContext.RequestAborted)
            : null;
        return await ChangeAsync(AuditActions.ModelPromoted, r => r.Promote(User.Identity!.Name!, Reason!.Trim(), Force, live));
    }

    public Task<IActionResult> OnPostRollbackAsync() => ChangeAsync(AuditActions.ModelRolledBack, r => r.Rollback(User.Identity!.Name!, Reason!.Trim()));

    /// <summary>Read from each version's file, so a version of an earlier build's format is shown as such.</summary>
    public ModelZipCheck FormatOf(RegisteredVersion version) => ModelZipCheck.Of(version.BundlePath);

    public IEnumerable<string> AliasesOf(int version) =>
        State is null ? [] : State.Aliases.Where(a => a.Value == version).Select(a => a.Key).Order(StringComparer.Ordinal);

    private async Task<IActionResult> ChangeAsync(string action, Func<ModelRegistry, AliasChange> change)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Say why: the reason is kept in the promotion history with your name.");
        }

        if (!registry.Exists)
        {
            return Refuse(StatusCodes.Status409Conflict, "There is no registry yet: register a version with riskflag-train register.");
        }

        try
        {
            var done = change(registry.Open());
            await audit.RecordAsync(User.Identity!.Name!, action, done.Alias, $"{(done.FromVersion is { } was ? $"v{was}" : "unset")} → v{done.ToVersion}{(Force ? " (override)" : "")}: {Reason!.Trim()}", HttpContext.RequestAborted);
            Message = $"{done.Alias} is now v{done.ToVersion} (was {(done.FromVersion is { } from ? $"v{from}" : "unset")}). The site reloads the published bundle in a moment.";
        }
        catch (RegistryException e)
        {
            return Refuse(StatusCodes.Status409Conflict, e.Message);
        }

        Load();
        return Page();
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        Load();
        return Page();
    }

    private void Load() => State = registry.Exists ? registry.Open().State() : null;
}
