using System.IO.Compression;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.IO;

namespace RiskFlag.Core.Bundle;

/// <summary>Writes a bundle so that a reader (or the site's file watcher) never sees half a file.</summary>
public static class ModelBundleWriter
{
    public static void Write(ModelBundle bundle, string path) => AtomicFile.Write(path, stream => WriteTo(bundle, stream));

    public static void WriteTo(ModelBundle bundle, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        AddJson(zip, BundleEntries.Manifest, bundle.Manifest);
        AddBytes(zip, BundleEntries.Model, bundle.ModelJson);
        AddJson(zip, BundleEntries.Encodings, bundle.Encodings);
        AddJson(zip, BundleEntries.Metrics, bundle.Metrics);
        AddJson(zip, BundleEntries.Reference, bundle.Reference);
        AddBytes(zip, BundleEntries.Parameters, Encoding.UTF8.GetBytes(bundle.ParametersJson));
        foreach (var (name, svg) in bundle.Plots)
        {
            AddBytes(zip, BundleEntries.PlotsFolder + name, Encoding.UTF8.GetBytes(svg));
        }
    }

    private static void AddJson<T>(ZipArchive zip, string name, T value) =>
        AddBytes(zip, name, JsonSerializer.SerializeToUtf8Bytes(value, BundleJson.Options));

    private static void AddBytes(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
