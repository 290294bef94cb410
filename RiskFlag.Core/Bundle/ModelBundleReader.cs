using System.IO.Compression;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.Features;

namespace RiskFlag.Core.Bundle;

/// <summary>Reads and checks a bundle; every way it can be wrong becomes one clear <see cref="InvalidModelBundleException"/>.</summary>
public static class ModelBundleReader
{
    public static ModelBundle Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidModelBundleException($"model bundle not found: {path}");
        }

        // Read into memory first: the file may be replaced while we parse it.
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Read(new MemoryStream(bytes, writable: false));
        }
        catch (InvalidModelBundleException e)
        {
            throw new InvalidModelBundleException($"{path}: {e.Message}", e.InnerException);
        }
    }

    public static ModelBundle Read(Stream stream)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModelBundleException("not a RiskFlag model bundle (not a zip archive, or truncated)", e);
        }

        using (zip)
        {
            var manifest = ReadJson<BundleManifest>(zip, BundleEntries.Manifest);
            CheckManifest(manifest);
            var bundle = new ModelBundle(
                manifest,
                ReadBytes(zip, BundleEntries.Model),
                ReadJson<EncodingsDocument>(zip, BundleEntries.Encodings),
                ReadJson<ModelMetrics>(zip, BundleEntries.Metrics),
                ReadJson<ReferenceProfile>(zip, BundleEntries.Reference),
                Encoding.UTF8.GetString(ReadBytes(zip, BundleEntries.Parameters)),
                zip.Entries
                    .Where(e => e.FullName.StartsWith(BundleEntries.PlotsFolder, StringComparison.Ordinal) && e.Length > 0)
                    .ToDictionary(e => e.FullName[BundleEntries.PlotsFolder.Length..], e => Encoding.UTF8.GetString(ReadBytes(zip, e.FullName))));
            return bundle;
        }
    }

    private static void CheckManifest(BundleManifest manifest)
    {
        if (manifest.Format != BundleManifest.ExpectedFormat)
        {
            throw new InvalidModelBundleException($"not a RiskFlag model bundle (format '{manifest.Format}')");
        }

        if (manifest.SchemaVersion != BundleManifest.CurrentSchemaVersion)
        {
            throw new InvalidModelBundleException(
                $"bundle schema version {manifest.SchemaVersion} is not supported (this build reads version {BundleManifest.CurrentSchemaVersion}); retrain the model with this build");
        }

        if (manifest.FeatureSchemaVersion != FeatureSchema.CurrentVersion)
        {
            throw new InvalidModelBundleException(
                $"feature schema version {manifest.FeatureSchemaVersion} is not supported (this build computes version {FeatureSchema.CurrentVersion}); retrain the model with this build");
        }

        var unknown = manifest.Features.Where(name => !FeatureCatalog.TryGet(name, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidModelBundleException($"the bundle uses features this build does not know: {string.Join(", ", unknown)}");
        }

        if (manifest.Threshold is not (> 0 and < 1))
        {
            throw new InvalidModelBundleException($"threshold {manifest.Threshold} is not between 0 and 1");
        }
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidModelBundleException($"not a complete RiskFlag model bundle: '{name}' is missing");
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream((int)entry.Length);
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModelBundleException($"entry '{name}' is corrupt: {e.Message}", e);
        }
    }

    private static T ReadJson<T>(ZipArchive zip, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ReadBytes(zip, name), BundleJson.Options)
                ?? throw new InvalidModelBundleException($"entry '{name}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidModelBundleException($"entry '{name}' is not valid: {e.Message}", e);
        }
    }
}
