using System.IO.Compression;
using System.Text.Json;

using Microsoft.ML;

using RiskFlag.Core.Explanations;
using RiskFlag.Core.Features;
using RiskFlag.Core.IO;

namespace RiskFlag.Core.Bundle;

/// <summary>
/// risk-model.zip: an ML.NET model as <c>MLContext.Model.Save</c> writes it, with RiskFlag's metadata added in the
/// <c>riskflag/</c> folder. Written atomically, so a reader (or the site's file watcher) never sees half a file.
/// </summary>
public static class ModelZip
{
    public static void Write(string path, MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelBundle bundle) =>
        AtomicFile.Write(path, stream => WriteTo(stream, ml, model, inputSchema, bundle));

    public static void WriteTo(Stream stream, MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelBundle bundle)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model, inputSchema, buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            AddJson(zip, BundleEntries.Manifest, bundle.Manifest);
            AddJson(zip, BundleEntries.Metrics, bundle.Metrics);
            AddJson(zip, BundleEntries.Reference, bundle.Reference);
            AddBytes(zip, BundleEntries.Parameters, System.Text.Encoding.UTF8.GetBytes(bundle.ParametersJson));
            AddJson(zip, BundleEntries.Vocabulary, bundle.Vocabulary);
            AddJson(zip, BundleEntries.Covers, bundle.Covers);
            foreach (var (name, svg) in bundle.Plots)
            {
                AddBytes(zip, BundleEntries.PlotsFolder + name, System.Text.Encoding.UTF8.GetBytes(svg));
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Reads the whole file into memory first: it may be replaced while it is parsed.</summary>
    /// <exception cref="InvalidModelBundleException">Missing, corrupt, foreign, or of an older format.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidModelBundleException($"model zip not found: {path}");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>The metadata alone, without loading the ML.NET model: enough for the registry and its pages.</summary>
    /// <exception cref="InvalidModelBundleException">Missing, corrupt, foreign, or of an older format.</exception>
    public static ModelBundle ReadBundle(string path)
    {
        try
        {
            return ReadBundle(ReadAllBytes(path));
        }
        catch (InvalidModelBundleException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidModelBundleException($"{path}: {e.Message}", e.InnerException);
        }
    }

    public static ModelBundle ReadBundle(byte[] bytes)
    {
        using var zip = Open(bytes);
        var manifest = ReadManifest(zip);
        return new ModelBundle(
            manifest,
            ReadJson<ModelMetrics>(zip, BundleEntries.Metrics),
            ReadJson<ReferenceProfile>(zip, BundleEntries.Reference),
            System.Text.Encoding.UTF8.GetString(ReadBytes(zip, BundleEntries.Parameters)),
            ReadJson<CategoryVocabulary>(zip, BundleEntries.Vocabulary),
            ReadJson<TreeCovers>(zip, BundleEntries.Covers),
            zip.Entries
                .Where(e => e.FullName.StartsWith(BundleEntries.PlotsFolder, StringComparison.Ordinal) && e.Length > 0)
                .ToDictionary(e => e.FullName[BundleEntries.PlotsFolder.Length..], e => System.Text.Encoding.UTF8.GetString(ReadBytes(zip, e.FullName))));
    }

    private static ZipArchive Open(byte[] bytes)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidModelBundleException("not a RiskFlag model zip (not a zip archive, or truncated)", e);
        }
    }

    private static BundleManifest ReadManifest(ZipArchive zip)
    {
        if (zip.GetEntry(BundleEntries.Manifest) is null)
        {
            throw zip.GetEntry(BundleEntries.LegacyManifest) is not null
                ? new InvalidModelBundleException(
                    "this is a model bundle of an earlier RiskFlag build (bundle schema 1, another engine), which this build cannot serve; retrain the model with this version")
                : new InvalidModelBundleException($"not a RiskFlag model zip ('{BundleEntries.Manifest}' is missing)");
        }

        var manifest = ReadJson<BundleManifest>(zip, BundleEntries.Manifest);
        if (manifest.Format != BundleManifest.ExpectedFormat)
        {
            throw new InvalidModelBundleException($"not a RiskFlag model zip (format '{manifest.Format}')");
        }

        if (manifest.SchemaVersion != BundleManifest.CurrentSchemaVersion)
        {
            throw new InvalidModelBundleException(
                $"model zip schema version {manifest.SchemaVersion} is not supported (this build reads version {BundleManifest.CurrentSchemaVersion}); retrain the model with this version");
        }

        if (manifest.FeatureSchemaVersion != FeatureSchema.CurrentVersion)
        {
            throw new InvalidModelBundleException(
                $"feature schema version {manifest.FeatureSchemaVersion} is not supported (this build computes version {FeatureSchema.CurrentVersion}); retrain the model with this version");
        }

        var unknown = manifest.Features.Where(name => !FeatureCatalog.TryGet(name, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidModelBundleException($"the model uses features this build does not know: {string.Join(", ", unknown)}");
        }

        if (manifest.Threshold is not (> 0 and < 1))
        {
            throw new InvalidModelBundleException($"threshold {manifest.Threshold} is not between 0 and 1");
        }

        return manifest;
    }

    private static void AddJson<T>(ZipArchive zip, string name, T value) =>
        AddBytes(zip, name, JsonSerializer.SerializeToUtf8Bytes(value, BundleJson.Options));

    private static void AddBytes(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidModelBundleException($"not a complete RiskFlag model zip: '{name}' is missing");
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
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
