using System.Diagnostics;

namespace RiskFlag.Core.Tracking;

/// <summary>
/// A run whose process was killed cannot mark itself failed. The next run on the same host finds runs
/// still "running" whose process no longer exists and marks them failed.
/// </summary>
public static class AbandonedRuns
{
    public static int MarkFailed(MlflowFileStore store)
    {
        var marked = 0;
        foreach (var run in store.ListRuns().Where(r => r.Status == RunStatus.Running))
        {
            var tags = run.Tags;
            if (tags.GetValueOrDefault(RunTags.Host) == Environment.MachineName
                && int.TryParse(tags.GetValueOrDefault(RunTags.ProcessId), out var pid)
                && !IsAlive(pid))
            {
                store.Reopen(run).Fail($"process {pid} ended without finishing the run");
                marked++;
            }
        }

        return marked;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
