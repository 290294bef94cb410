namespace RiskFlag.Web.Identity;

/// <summary>The token of an <c>Authorization: Bearer …</c> header.</summary>
public static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length ? header[Prefix.Length..].Trim() : null;
    }
}
