using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>The site's executable manages users and keys from the command line, with the admin pages' rules.</summary>
public sealed partial class AccessCommandLineTests : IDisposable
{
    private readonly ServedSite _site = new();

    public AccessCommandLineTests() => _site.Factory.CreateClient().Dispose();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_user_created_with_a_generated_password_signs_in_with_it_and_can_be_disabled()
    {
        var (code, output, _) = await RunAsync("users", "create", "cli.analyst@riskflag.test", "--roles", "analyst");
        Assert.Equal(AccessCommandLine.Done, code);
        var password = PasswordPattern().Match(output).Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("cli.analyst@riskflag.test", password)).StatusCode);

        (code, output, _) = await RunAsync("users", "list");
        Assert.Contains("cli.analyst@riskflag.test\tanalyst\tenabled", output, StringComparison.Ordinal);

        (code, _, _) = await RunAsync("users", "disable", "cli.analyst@riskflag.test");
        Assert.Equal(AccessCommandLine.Done, code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("cli.analyst@riskflag.test", password)).StatusCode);
    }

    [Fact]
    public async Task A_password_can_come_from_standard_input_and_is_never_printed()
    {
        var (code, output, _) = await RunAsync(new StringReader("Piped-Password-123\n"), "users", "create", "piped@riskflag.test", "--roles", "officer", "--password-stdin");

        Assert.Equal(AccessCommandLine.Done, code);
        Assert.DoesNotContain("Piped-Password-123", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("piped@riskflag.test", "Piped-Password-123")).StatusCode);
    }

    [Fact]
    public async Task A_key_made_on_the_command_line_works_until_revoked_there()
    {
        var (code, output, _) = await RunAsync("keys", "create", "cli-intake", "--role", "officer");
        Assert.Equal(AccessCommandLine.Done, code);
        var key = KeyPattern().Match(output).Groups[1].Value;
        using var service = _site.Factory.CreateAnonymousClient();
        service.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var applicant = ApplicantPayloads.TrainingLike(seed: 3, count: 1)[0];
        Assert.Equal(HttpStatusCode.OK, (await service.PostAsync("/api/predict", ApplicantPayloads.Body(applicant))).StatusCode);

        (code, _, _) = await RunAsync("keys", "revoke", "cli-intake");
        Assert.Equal(AccessCommandLine.Done, code);

        // The command line ran in this process, so the site's cache forgot the key at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.PostAsync("/api/predict", ApplicantPayloads.Body(applicant))).StatusCode);
    }

    [Theory]
    [InlineData(AccessCommandLine.BadArguments, "usage:", "users", "create")]
    [InlineData(AccessCommandLine.BadArguments, "usage:", "keys", "rotate", "x")]
    [InlineData(AccessCommandLine.Refused, "Unknown role 'root'", "users", "roles", RiskFlagWebFactory.AdminEmail, "--roles", "root")]
    [InlineData(AccessCommandLine.Refused, "only enabled administrator", "users", "disable", RiskFlagWebFactory.AdminEmail)]
    [InlineData(AccessCommandLine.Refused, "No key named ghost", "keys", "revoke", "ghost")]
    public async Task Bad_arguments_and_refusals_exit_non_zero_with_the_reason(int expected, string reason, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(expected, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(new StringReader(string.Empty), args);

    private async Task<(int Code, string Output, string Error)> RunAsync(TextReader input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AccessCommandLine.RunAsync(_site.Factory.Services, args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        using var client = _site.Factory.CreateAnonymousClient();
        return await client.PostAsJsonAsync("/api/auth/login", new { email, password });
    }

    [GeneratedRegex(@"\(shown once\): (\S+)")]
    private static partial Regex PasswordPattern();

    [GeneratedRegex(@"\(shown once\): (rfk_\S+)")]
    private static partial Regex KeyPattern();
}
