using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Hardening;

/// <summary>
/// One site on a real socket for the whole hostile suite, with limits small enough that bodies over them are
/// cheap to send, yet large enough that a 1 MB field is read rather than refused by size. Every request is bounded
/// by <see cref="Bound"/>, so a hang fails its case instead of stalling the run.
/// </summary>
public sealed class HostileSite : IDisposable
{
    public const int MaxPredictBytes = 2 * 1024 * 1024;
    public const int MaxUploadBytes = 4 * 1024 * 1024;

    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly HttpClientHandler _bareHandler = new() { AllowAutoRedirect = false, UseCookies = false };

    public HostileSite()
    {
        Site = new KestrelSite(new Dictionary<string, string?>
        {
            ["Api:MaxPredictBytes"] = MaxPredictBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Batch:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Token = Site.Factory.TokenFor(RiskFlag.Web.Identity.RiskRoles.Admin);
        Client = new HttpClient { BaseAddress = Site.BaseAddress, Timeout = Bound };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Bare = new HttpClient(_bareHandler) { BaseAddress = Site.BaseAddress, Timeout = Bound };
        Session = new PageSession(Client);
    }

    public KestrelSite Site { get; }

    /// <summary>The administrator's bearer token.</summary>
    public string Token { get; }

    /// <summary>Signed in as the administrator, keeping cookies (the antiforgery one) like a browser.</summary>
    public HttpClient Client { get; }

    /// <summary>No credentials, no cookies, no redirects followed: what an attacker's client sends.</summary>
    public HttpClient Bare { get; }

    public PageSession Session { get; }

    public Task<Answer> SendAsync(HttpRequestMessage request) => SendAsync(Client, request);

    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var clock = Stopwatch.StartNew();
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            var answer = new Answer(request.Method.Method, request.RequestUri?.ToString() ?? string.Empty, response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, body, clock.Elapsed);
            answer.AssertNoServerError();
            return answer;
        }
    }

    /// <summary>
    /// Writes <paramref name="head"/> (the request line and headers, without the blank line) and the body on a
    /// socket of its own, for what HttpClient refuses to send. "Connection: close" is added, so the end of the
    /// stream is the end of the answer.
    /// </summary>
    public async Task<Answer> SendRawAsync(string head, byte[]? body = null, bool authorize = true)
    {
        var clock = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource(Bound);
        await socket.ConnectAsync(IPAddress.Loopback, Site.BaseAddress.Port, cancel.Token);
        var text = new StringBuilder(head.TrimEnd('\r', '\n')).Append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (authorize)
        {
            text.Append("Authorization: Bearer ").Append(Token).Append("\r\n");
        }

        await socket.SendAsync(Encoding.Latin1.GetBytes(text.Append("\r\n").ToString()), SocketFlags.None, cancel.Token);
        if (body is { Length: > 0 })
        {
            try
            {
                await socket.SendAsync(body, SocketFlags.None, cancel.Token);
            }
            catch (SocketException)
            {
                // The server may answer and close before the whole body is written; the answer is still there to read.
            }
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException) when (received.Length > 0)
        {
            // A reset after the answer (the server closing on an unread body) ends it as well as a close would.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{head.Split('\r', '\n')[0]}: no complete answer within {Bound.TotalSeconds:0} s (received {received.Length} bytes)");
        }

        var answer = Answer.Parse(head.Split('\r', '\n')[0], received.ToArray(), clock.Elapsed);
        answer.AssertNoServerError();
        return answer;
    }

    /// <summary>A valid applicant as JSON text with <paramref name="field"/>'s value replaced by raw JSON text (or removed when null).</summary>
    public static string ApplicantWith(string field, string? rawJson)
    {
        const string Marker = "\"@@value@@\"";
        var json = Applicants.ToJson(Applicants.Valid());
        if (rawJson is null)
        {
            json.Remove(field);
            return json.ToJsonString();
        }

        json[field] = JsonValue.Create("@@value@@");
        return json.ToJsonString().Replace(Marker, rawJson, StringComparison.Ordinal);
    }

    /// <summary>A valid applicant as UTF-8 with the bytes of <paramref name="field"/>'s string value replaced by <paramref name="raw"/>.</summary>
    public static byte[] ApplicantWithBytes(string field, byte[] raw)
    {
        var marker = Encoding.UTF8.GetBytes("@@value@@");
        var json = Encoding.UTF8.GetBytes(ApplicantWith(field, "\"@@value@@\""));
        var at = json.AsSpan().IndexOf(marker);
        return [.. json.AsSpan(0, at), .. raw, .. json.AsSpan(at + marker.Length)];
    }

    public static HttpRequestMessage Post(string path, HttpContent? content) => new(HttpMethod.Post, path) { Content = content };

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static ByteArrayContent Body(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        }

        return content;
    }

    public static ByteArrayContent Body(string text, string? contentType) => Body(Encoding.UTF8.GetBytes(text), contentType);

    public static ByteArrayContent Json(string text) => Body(text, "application/json");

    public static ByteArrayContent Json(byte[] bytes) => Body(bytes, "application/json");

    public void Dispose()
    {
        Client.Dispose();
        Bare.Dispose();
        _bareHandler.Dispose();
        Site.Dispose();
    }
}

/// <summary>What came back, read in full, with the checks every hostile case shares.</summary>
public sealed record Answer(string Method, string Target, HttpStatusCode Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, byte[] Bytes, TimeSpan Elapsed)
{
    // Names a server would leak in a stack trace or a developer error page.
    private static readonly string[] Leaks = ["   at ", "Exception:", "System.", "Microsoft.AspNetCore", "RiskFlag.Web.", "/work/", "/tmp/", ".cs:line", "StackTrace"];

    public string Body => Encoding.UTF8.GetString(Bytes);

    /// <summary>A folder the page shows operators on purpose (where it reads runs or models from).</summary>
    public string? OperatorFolder { get; init; }

    public string Describe => $"{Method} {InputExcerptOf(Target)} → {(int)Status} {MediaType} {InputExcerptOf(Body)}";

    public void AssertNoServerError()
    {
        Assert.True((int)Status < 500, $"server error: {Describe}");
        Assert.True(Elapsed < HostileSite.Bound, $"took {Elapsed}: {Describe}");
    }

    /// <summary>Asserts an RFC 7807 body with <paramref name="status"/>, and that it leaks nothing of the server.</summary>
    public JsonElement Problem(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}: {Describe}");
        Assert.True(MediaType == "application/problem+json", $"expected problem details: {Describe}");
        using var document = JsonDocument.Parse(Bytes);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), Describe);
        AssertNoLeaks();
        return problem;
    }

    /// <summary>A problem whose detail says why; returns the detail.</summary>
    public string Detail(HttpStatusCode status, string says)
    {
        var problem = Problem(status);
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        Assert.True(detail.Contains(says, StringComparison.OrdinalIgnoreCase), $"detail lacks \"{says}\": {Describe}");
        return detail;
    }

    /// <summary>A 400 validation problem naming <paramref name="field"/> with a message containing <paramref name="says"/>.</summary>
    public string[] Invalid(string field, string says)
    {
        var problem = Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors: {Describe}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors do not name {field}: {Describe}");
        var texts = messages.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray();
        Assert.True(texts.Any(t => t.Contains(says, StringComparison.Ordinal)), $"{field}'s errors lack \"{says}\": {Describe}");
        // An excerpt of what was sent, never all of it.
        Assert.All(texts, t => Assert.True(t.Length < 400, $"{field}'s message is {t.Length} characters long"));
        return texts;
    }

    /// <summary>A page in the site's layout that leaks nothing of the server; returns its decoded HTML.</summary>
    public string StyledPage(HttpStatusCode? status = null)
    {
        if (status is { } expected)
        {
            Assert.True(Status == expected, $"expected {(int)expected}: {Describe}");
        }

        Assert.True(MediaType == "text/html", $"expected a page: {Describe}");
        Assert.Contains("site.css", Body, StringComparison.Ordinal);
        AssertNoLeaks();
        return WebUtility.HtmlDecode(Body);
    }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public void AssertNoLeaks()
    {
        var body = OperatorFolder is null ? Body : Body.Replace(OperatorFolder, "(operator folder)", StringComparison.Ordinal);
        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"leaks \"{leak}\": {Describe}");
        }
    }

    /// <summary>Reads an HTTP/1.1 answer off the wire: status line, headers, and a plain or chunked body.</summary>
    public static Answer Parse(string requestLine, byte[] raw, TimeSpan elapsed)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, $"{requestLine}: no HTTP answer (received {raw.Length} bytes)");
        var lines = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var status = lines[0].Split(' ');
        Assert.True(status.Length >= 2 && status[0].StartsWith("HTTP/1.", StringComparison.Ordinal), $"{requestLine}: not an HTTP answer: {lines[0]}");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
        }

        var body = raw.AsSpan(end + 4);
        var bytes = headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? Dechunk(body)
            : body.ToArray();
        var mediaType = headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim() : null;
        return new Answer(requestLine.Split(' ')[0], requestLine.Split(' ').ElementAtOrDefault(1) ?? string.Empty,
            (HttpStatusCode)int.Parse(status[1], System.Globalization.CultureInfo.InvariantCulture), mediaType, headers, bytes, elapsed);
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            Assert.True(lineEnd > 0, "a chunk without its size line");
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(body.Slice(lineEnd + 2, size));
            body = body[(lineEnd + 2 + size + 2)..];
        }
    }

    private static string InputExcerptOf(string text) => RiskFlag.Core.Parsing.InputExcerpt.Of(text, 300);
}
