using RiskFlag.Core.Registry;

namespace RiskFlag.Web.Registry;

/// <summary>
/// The registry as the site sees it: the configured folder, publishing the champion to the bundle this site serves
/// (so a promotion is picked up by the file watcher like a CLI promotion). Opened per use, as the CLI may change it too.
/// With PostgreSQL configured, the registry (zips included) lives in the shared database, one store for the site's life.
/// </summary>
public sealed class SiteRegistry(RegistryOptions options, IModelRegistryStore? shared = null) : IDisposable
{
    public RegistryOptions Options { get; } = options;

    /// <summary>Whether the registry is in the shared database rather than a file of this machine.</summary>
    public bool IsShared => shared is not null;

    /// <summary>False until the CLI has registered something: the page then says how, rather than creating an empty registry.</summary>
    public bool Exists => shared is not null || File.Exists(Options.DatabasePath);

    public ModelRegistry Open() => shared is null ? ModelRegistry.Open(Options) : new ModelRegistry(shared, Options);

    public void Dispose() => (shared as IDisposable)?.Dispose();
}
