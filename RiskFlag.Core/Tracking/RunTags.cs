using System.Diagnostics;

namespace RiskFlag.Core.Tracking;

/// <summary>The standard tags of a run: who, where, from which commit, and which process (to detect crashed runs).</summary>
public static class RunTags
{
    public const string Host = "riskflag.host";
    public const string ProcessId = "riskflag.pid";

    public static Dictionary<string, string> Current(string runName)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mlflow.runName"] = runName,
            ["mlflow.source.name"] = "riskflag-train",
            ["mlflow.source.type"] = "LOCAL",
            ["mlflow.user"] = Environment.UserName,
            [Host] = Environment.MachineName,
            [ProcessId] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (GitCommit() is { } commit)
        {
            tags["mlflow.source.git.commit"] = commit;
        }

        return tags;
    }

    private static string? GitCommit()
    {
        if (Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha)
        {
            return sha;
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(2000) && git.ExitCode == 0 && output.Length == 40 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine (e.g. inside the container)
        }
    }
}
