namespace RiskFlag.Web.Serving;

/// <summary>
/// Finds the bundle for a relative Model:Path. `dotnet run --project RiskFlag.Web` from the repository root makes
/// the working directory the root while the content root is the project folder, and training writes to the root's
/// artifacts/, so both places (and the folders above the content root) are tried.
/// </summary>
public static class ModelPathResolver
{
    private const string RepositoryMarker = "RiskFlag.sln";

    public static string Resolve(string configured, string contentRoot, string workingDirectory)
    {
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        var candidates = new List<string> { contentRoot, workingDirectory };
        for (var parent = Directory.GetParent(contentRoot); parent is not null; parent = parent.Parent)
        {
            candidates.Add(parent.FullName);
        }

        foreach (var directory in candidates)
        {
            var path = Path.GetFullPath(Path.Combine(directory, configured));
            if (File.Exists(path))
            {
                return path;
            }
        }

        // Nothing trained yet: watch where the documented train command will write.
        var repositoryRoot = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, RepositoryMarker)));
        return Path.GetFullPath(Path.Combine(repositoryRoot ?? contentRoot, configured));
    }
}
