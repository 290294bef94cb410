using System.Net;
using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Web;

/// <summary>A browser-like client for the pages: keeps the antiforgery cookie and sends the token the page rendered.</summary>
public sealed partial class PageSession(HttpClient client)
{
    public const string TokenField = "__RequestVerificationToken";

    public HttpClient Client { get; } = client;

    /// <summary>GETs the page and returns the antiforgery token from its form.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return match.Groups[1].Value;
    }

    public async Task<(HttpStatusCode Status, string Html)> PostFormAsync(string page, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values[TokenField] = await TokenAsync(page);
        }

        var response = await Client.PostAsync(page, new FormUrlEncodedContent(values));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public async Task<(HttpStatusCode Status, string Html)> UploadAsync(string page, string fileName, byte[] content, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(page)), TokenField);
        }

        form.Add(new ByteArrayContent(content), "file", fileName);
        var response = await Client.PostAsync(page, form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The text of the element with the given id (no nested elements of the same tag assumed).</summary>
    public static string? TextOf(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag}[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        return match.Success ? Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty).Trim() : null;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
