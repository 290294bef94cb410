using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>
/// The site as a process of its own (the RiskFlag.Web.dll built beside the tests) on 127.0.0.1 and a port it picks,
/// so a test can kill it with SIGKILL. Bounded: it is killed on dispose and after <see cref="Lifetime"/> at the latest.
/// </summary>
public sealed partial class SiteProcess : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly CancellationTokenSource _deadline = new(Lifetime);

    private SiteProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _deadline.Token.Register(Kill);
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>Starts the site serving <paramref name="model"/>'s bundle with its state in that folder, once ready.</summary>
    public static async Task<SiteProcess> StartAsync(ModelDirectory model, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "RiskFlag.Web.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", model.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var values = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Model__Path"] = model.BundlePath,
            ["Batch__WorkDirectory"] = model.WorkPath,
            ["Decisions__Database"] = DatabasePath(model),
            ["Registry__Directory"] = Path.Combine(model.Path, "registry"),
            ["Tracking__Directory"] = Path.Combine(model.Path, "mlruns"),
            ["Auth__Database"] = Path.Combine(model.Path, "identity.db"),
            ["Auth__KeysDirectory"] = Path.Combine(model.Path, "keys"),
            ["Auth__AdminEmail"] = RiskFlagWebFactory.AdminEmail,
            ["Auth__AdminPassword"] = RiskFlagWebFactory.Password,
            ["Auth__ScoringPermitsPerSecond"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in values)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        void Read(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException($"the site exited before listening:\n{output}"));
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        return site;
    }

    public static string DatabasePath(ModelDirectory model) => Path.Combine(model.Path, "decisions.db");

    /// <summary>A bearer token for the administrator, from the site's own sign-in.</summary>
    public async Task<string> SignInAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = RiskFlagWebFactory.AdminEmail, password = RiskFlagWebFactory.Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async Task WaitForExitAsync() => await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
        _deadline.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
