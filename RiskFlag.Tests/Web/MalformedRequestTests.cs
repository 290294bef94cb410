using System.Net;
using System.Net.Sockets;
using System.Text;

using RiskFlag.Tests.Monitoring;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>Requests the site cannot use get a 4xx that says why, never a 500, on a real Kestrel socket.</summary>
public sealed class MalformedRequestTests : IDisposable
{
    private readonly KestrelSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_city_that_is_not_valid_utf8_is_a_400_naming_the_encoding()
    {
        var json = Encoding.UTF8.GetBytes(Applicants.ToJson(Applicants.Valid()).ToJsonString());
        var city = Encoding.UTF8.GetBytes("\"Rewa\"");
        var at = json.AsSpan().IndexOf(city) + 2;
        json[at] = 0xFF;
        json[at + 1] = 0xFE;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        var problem = await AssertProblemAsync(await _site.Client.PostAsync("/api/predict", content), HttpStatusCode.BadRequest);

        Assert.Contains("not valid UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boolean_where_a_number_belongs_is_reported_as_the_wrong_type()
    {
        var body = Applicants.ToJson(Applicants.Valid());
        body["age"] = true;

        var problem = await AssertProblemAsync(await _site.Client.PostAsync("/api/predict", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(["'true' is not a number"], Messages(problem, "age"));
    }

    [Theory]
    [InlineData("/api/predict", "application/json")]
    [InlineData("/api/predict/batch", "text/csv")]
    public async Task A_body_that_stops_short_of_its_content_length_is_a_408_problem(string path, string contentType)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _site.BaseAddress.Port);
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nContent-Length: 2000\r\n"
            + $"Authorization: Bearer {_site.Factory.TokenFor(RiskFlag.Web.Identity.RiskRoles.Admin)}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + new string('x', 100)));

        // The connection stays open and the rest never comes: Kestrel's minimum body data rate ends the wait (~5 s).
        var answer = await ReadAllAsync(socket, TimeSpan.FromSeconds(30));

        Assert.True(answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAllAsync(Socket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // A kept-alive connection: whatever arrived is the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
