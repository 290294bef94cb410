using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// A real Prometheus (the Debian package) on 127.0.0.1 and a free port, with its own temporary storage, scraping one
/// target every second and loading the checked-in alert rules. Stopped by its process id on dispose.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    public const string Job = "riskflag";

    private readonly DirectoryInfo _directory;
    private readonly Process _process;
    private readonly HttpClient _http;

    private PrometheusServer(DirectoryInfo directory, Process process, Uri address)
    {
        _directory = directory;
        _process = process;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var executable = ExternalTool.Require(ExternalTool.Prometheus);
        var directory = Directory.CreateTempSubdirectory("riskflag-prometheus-");
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {RepositoryFiles.AlertRules}
            scrape_configs:
              - job_name: {Job}
                authorization:
                  credentials: {RiskFlagWebFactory.ScrapeToken}
                static_configs:
                  - targets: ["{target}"]
            """);
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
            $"--web.listen-address={address.Host}:{address.Port}", "--log.level=warn"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        // Drained so a chatty Prometheus never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(directory, process, address);
        try
        {
            await server.WaitUntilAsync(async () => (await server._http.GetAsync("-/ready")).StatusCode == HttpStatusCode.OK, "Prometheus to be ready", TimeSpan.FromSeconds(20));
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>An instant query; the result vector (or the error Prometheus gave).</summary>
    public async Task<JsonElement> QueryAsync(string promQl)
    {
        var response = await _http.GetAsync($"api/v1/query?query={Uri.EscapeDataString(promQl)}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("status").GetString() == "success", $"Prometheus rejected {promQl}: {body}");
        return body.GetProperty("data").GetProperty("result");
    }

    public async Task<JsonElement> RulesAsync()
    {
        var body = JsonDocument.Parse(await _http.GetStringAsync("api/v1/rules")).RootElement;
        return body.GetProperty("data").GetProperty("groups");
    }

    public static double ValueOf(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(_process.HasExited, $"Prometheus exited (code {(_process.HasExited ? _process.ExitCode : 0)}) while waiting for {what}");
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
