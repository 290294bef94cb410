using RiskFlag.Core.Bundle;

namespace RiskFlag.Web.Serving;

/// <summary>The commands that put a first model where this site looks for it (the configured model path).</summary>
public static class TrainCommands
{
    public const string Generate = "dotnet run --project RiskFlag.Training -c Release -- generate --rows 50000 --seed 1 --out data/dev.csv";

    public static IReadOnlyList<string> For(string modelPath)
    {
        var directory = Path.GetDirectoryName(modelPath) is { Length: > 0 } d ? d : ".";
        var train = $"dotnet run --project RiskFlag.Training -c Release -- train --data data/dev.csv --artifacts {Quote(directory)}";
        // train writes risk-model.zip into --artifacts; a site configured for another file name needs it moved there.
        return string.Equals(Path.GetFileName(modelPath), ModelBundle.FileName, StringComparison.Ordinal)
            ? [Generate, train]
            : [Generate, train, $"mv {Quote(Path.Combine(directory, ModelBundle.FileName))} {Quote(modelPath)}"];
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\')
        ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'"
        : path;
}
