using System.Diagnostics;

namespace RiskFlag.Tests.Delivery;

/// <summary>The outcome of one process run.</summary>
internal sealed record ShellResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>Runs the delivery scripts for real: bash, no standard input, bounded in time.</summary>
internal static class Shell
{
    public static ShellResult Bash(string script, IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null, int timeoutSeconds = 120) =>
        Run("bash", [script, .. args], environment, workingDirectory, timeoutSeconds);

    public static ShellResult Run(string program, IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The scripts must not see the test host's own dotnet test settings.
        start.Environment.Remove("VSTEST_HOST_DEBUG");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran longer than {timeoutSeconds} s");
        }

        process.WaitForExit();
        return new ShellResult(process.ExitCode, output.Result, errors.Result);
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "riskflag-delivery-") => FullName = Directory.CreateTempSubdirectory(prefix).FullName;

    public string FullName { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([FullName, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A folder of stand-ins for docker, curl, nginx and aws (RiskFlag.Tests/Delivery/Fakes) that records
/// every call, put first on PATH so the deploy scripts run for real against them.
/// </summary>
internal sealed class FakeHost : IDisposable
{
    private readonly TempDirectory _directory = new("riskflag-fakehost-");

    public FakeHost()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(State);
        foreach (var fake in Directory.GetFiles(Repo.Path("RiskFlag.Tests", "Delivery", "Fakes")))
        {
            var target = System.IO.Path.Combine(Bin, System.IO.Path.GetFileName(fake));
            File.Copy(fake, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public string Bin => _directory.Path("bin");

    public string State => _directory.Path("state");

    public string Path(params string[] parts) => _directory.Path(parts);

    /// <summary>Every recorded call of one fake, one line each, arguments joined by spaces.</summary>
    public IReadOnlyList<string> Calls(string tool)
    {
        var log = System.IO.Path.Combine(State, tool + ".log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    public Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Bin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_STATE"] = State,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    public void Dispose() => _directory.Dispose();
}
