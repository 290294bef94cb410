using RiskFlag.Web.Serving;

namespace RiskFlag.Tests.Web;

/// <summary>`dotnet run --project RiskFlag.Web` from the repository root must find the bundle training wrote there.</summary>
public sealed class ModelPathResolverTests : IDisposable
{
    private const string Relative = "artifacts/risk-model.zip";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("riskflag-web-repo-");

    private string ContentRoot => Directory.CreateDirectory(Path.Combine(_root.FullName, "RiskFlag.Web")).FullName;

    [Fact]
    public void AnAbsolutePathIsKept()
    {
        var absolute = Path.Combine(_root.FullName, "x", "model.zip");

        Assert.Equal(absolute, ModelPathResolver.Resolve(absolute, ContentRoot, "/"));
    }

    [Fact]
    public void ABundleUnderTheContentRootWins()
    {
        var bundle = Touch(Path.Combine(ContentRoot, Relative));
        Touch(Path.Combine(_root.FullName, Relative));

        Assert.Equal(bundle, ModelPathResolver.Resolve(Relative, ContentRoot, _root.FullName));
    }

    [Fact]
    public void ABundleUnderTheRepositoryRootIsFoundFromTheProjectFolder()
    {
        var bundle = Touch(Path.Combine(_root.FullName, Relative));

        Assert.Equal(bundle, ModelPathResolver.Resolve(Relative, ContentRoot, ContentRoot));
    }

    [Fact]
    public void WithoutABundleTheRepositoryRootIsWatched()
    {
        Touch(Path.Combine(_root.FullName, "RiskFlag.sln"));

        Assert.Equal(Path.Combine(_root.FullName, "artifacts", "risk-model.zip"), ModelPathResolver.Resolve(Relative, ContentRoot, "/"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
