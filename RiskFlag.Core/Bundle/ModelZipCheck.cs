namespace RiskFlag.Core.Bundle;

/// <summary>Whether a registered file can serve with this build, and if not, why (an earlier build's format, say).</summary>
public sealed record ModelZipCheck(bool Servable, string Description)
{
    public static ModelZipCheck Of(string path)
    {
        try
        {
            var manifest = ModelZip.ReadBundle(path).Manifest;
            return new ModelZipCheck(true, $"{manifest.Engine}, zip schema {manifest.SchemaVersion}");
        }
        catch (InvalidModelBundleException e)
        {
            return new ModelZipCheck(false, e.Message);
        }
    }
}
