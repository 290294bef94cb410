using RiskFlag.Core.Registry;

namespace RiskFlag.Web.Registry;

/// <summary>
/// The registry as the site sees it: the configured folder, publishing the champion to the bundle this site serves
/// (so a promotion is picked up by the file watcher like a CLI promotion). Opened per use, as the CLI may change it too.
/// </summary>
public sealed class SiteRegistry(RegistryOptions options)
{
    public RegistryOptions Options { get; } = options;

    /// <summary>False until the CLI has registered something: the page then says how, rather than creating an empty registry.</summary>
    public bool Exists => File.Exists(Options.DatabasePath);

    public ModelRegistry Open() => ModelRegistry.Open(Options);
}
