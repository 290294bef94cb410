using System.Diagnostics;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// Runs the Prometheus tools the monitoring checks rely on. They are required, not optional: a missing tool fails
/// the test with the command that installs it, instead of skipping the proof.
/// </summary>
public static class ExternalTool
{
    public const string Promtool = "promtool";
    public const string Prometheus = "prometheus";

    public static string Require(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"{name} is not installed; it comes with the Debian package 'prometheus' (bash scripts/setup.sh installs it).");
        return found!;
    }

    public static async Task<ToolRun> RunAsync(string name, IEnumerable<string> arguments, string? input = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Require(name))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{name} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }
}

/// <summary>How a tool run ended.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Error}";
}
