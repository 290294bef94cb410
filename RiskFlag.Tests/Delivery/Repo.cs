namespace RiskFlag.Tests.Delivery;

/// <summary>Paths in the repository the tests run from (the folder holding RiskFlag.sln).</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RiskFlag.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no RiskFlag.sln above {AppContext.BaseDirectory}");
    }
}
