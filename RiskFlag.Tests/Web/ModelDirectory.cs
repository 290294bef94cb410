using RiskFlag.Core.Bundle;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Web;

/// <summary>A private temp folder holding (or not yet holding) the bundle one site instance serves.</summary>
public sealed class ModelDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("riskflag-web-model-");

    public string Path => _directory.FullName;

    public string BundlePath => System.IO.Path.Combine(Path, ModelBundle.FileName);

    public string WorkPath => System.IO.Path.Combine(Path, "work");

    public static ModelDirectory With(TrainedModel bundle)
    {
        var directory = new ModelDirectory();
        directory.Publish(bundle);
        return directory;
    }

    /// <summary>Writes through a temp file and a rename, as the training CLI does.</summary>
    public void Publish(TrainedModel bundle) => bundle.Write(BundlePath);

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
