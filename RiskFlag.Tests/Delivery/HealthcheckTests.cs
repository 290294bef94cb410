using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RiskFlag.Tests.Delivery;

/// <summary>The image's HEALTHCHECK script against a local HTTP responder on the loopback address.</summary>
public class HealthcheckTests
{
    private static readonly string Script = Repo.Path("scripts", "container", "healthcheck.sh");

    [Fact]
    public async Task Ready_is_healthy()
    {
        using var server = new StubServer("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nHealthy");

        var result = Shell.Bash(Script, [$"http://127.0.0.1:{server.Port}/health/ready"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("GET /health/ready HTTP/1.0", await server.FirstRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_ready_is_unhealthy()
    {
        using var server = new StubServer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 9\r\n\r\nUnhealthy");

        var result = Shell.Bash(Script, [$"http://127.0.0.1:{server.Port}/health/ready"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("503", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_port_is_unhealthy()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Assert.Equal(1, Shell.Bash(Script, [$"http://127.0.0.1:{port}/health/ready"]).ExitCode);
    }

    [Fact]
    public void A_silent_server_is_unhealthy_within_the_timeout()
    {
        using var server = new StubServer(null);

        var started = DateTime.UtcNow;
        var result = Shell.Bash(Script, [$"http://127.0.0.1:{server.Port}/health/ready"], new Dictionary<string, string> { ["HEALTHCHECK_TIMEOUT"] = "1" });

        Assert.Equal(1, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_an_argument_it_asks_the_first_ASPNETCORE_HTTP_PORTS_port_for_health_ready()
    {
        using var server = new StubServer("HTTP/1.0 200 OK\r\n\r\n");

        var result = Shell.Bash(Script, [], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = $"{server.Port};9999" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("GET /health/ready ", await server.FirstRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_that_is_not_http_is_unhealthy()
    {
        Assert.Equal(1, Shell.Bash(Script, ["ftp://127.0.0.1/health"]).ExitCode);
    }

    /// <summary>Answers every connection with a fixed response (or never answers, when null).</summary>
    private sealed class StubServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource<string> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StubServer(string? response)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = ServeAsync(response);
        }

        public int Port { get; }

        public Task<string> FirstRequest => _firstRequest.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync(string? response)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    _firstRequest.TrySetResult(Encoding.ASCII.GetString(buffer, 0, read));
                    if (response is null)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                        continue;
                    }

                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
            }
        }
    }
}
