using System.Security.Cryptography;

using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Web.Identity;

/// <summary>
/// The site's executable also manages users and API keys (<c>users …</c>, <c>keys …</c>), against the same store and
/// settings the site uses, through the same directories as the admin pages (so the same rules and the same audit).
/// Exit codes follow riskflag-train: 0 done, 2 bad arguments, 8 refused by the rules.
/// </summary>
public static class AccessCommandLine
{
    public const int Done = 0;
    public const int BadArguments = 2;
    public const int Refused = 8;

    public const string Usage = """
        usage: RiskFlag.Web users list
               RiskFlag.Web users create <email> --roles <role,…> [--password-stdin]
               RiskFlag.Web users roles <email> --roles <role,…>
               RiskFlag.Web users disable <email> | users enable <email>
               RiskFlag.Web keys list
               RiskFlag.Web keys create <name> --role <role>
               RiskFlag.Web keys revoke <name>
        roles: officer, analyst, operator, auditor, admin (a key cannot be admin)
        Without --password-stdin, create generates a password and prints it once.
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "users" or "keys";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // The same start-up work as the site's: current tables and the roles.
        await services.GetRequiredService<IdentityBootstrap>().StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();

        var actor = "cli:" + Environment.UserName;
        var command = new Arguments(args);
        string? problem;
        switch (command.Verb)
        {
            case "users list":
                foreach (var user in await scope.ServiceProvider.GetRequiredService<UserDirectory>().ListAsync())
                {
                    await output.WriteLineAsync($"{user.Email}\t{string.Join(',', user.Roles)}\t{(user.Disabled ? "disabled" : "enabled")}");
                }

                return Done;
            case "users create" when command.Subject is { } email && command.Option("--roles") is { } roles:
                var generated = !command.Has("--password-stdin");
                var password = generated ? NewPassword() : (await input.ReadLineAsync())?.Trim() ?? string.Empty;
                problem = await scope.ServiceProvider.GetRequiredService<UserDirectory>().CreateAsync(actor, email, password, RolesOf(roles));
                if (problem is null && generated)
                {
                    await output.WriteLineAsync($"password for {email} (shown once): {password}");
                }

                break;
            case "users roles" when command.Subject is { } email && command.Option("--roles") is { } roles:
                problem = await scope.ServiceProvider.GetRequiredService<UserDirectory>().SetRolesAsync(actor, email, RolesOf(roles));
                break;
            case "users disable" or "users enable" when command.Subject is { } email:
                problem = await scope.ServiceProvider.GetRequiredService<UserDirectory>().SetDisabledAsync(actor, email, command.Verb == "users disable");
                break;
            case "keys list":
                foreach (var key in await scope.ServiceProvider.GetRequiredService<ApiKeyDirectory>().ListAsync())
                {
                    await output.WriteLineAsync($"{key.Name}\t{key.Role}\t{(key.RevokedAt is null ? "active" : "revoked")}\tcreated {key.CreatedAt:u} by {key.CreatedBy}");
                }

                return Done;
            case "keys create" when command.Subject is { } name && command.Option("--role") is { } role:
                var created = await scope.ServiceProvider.GetRequiredService<ApiKeyDirectory>().CreateAsync(actor, name, role);
                problem = created.Problem;
                if (created.Key is { } text)
                {
                    await output.WriteLineAsync($"key {name} (shown once): {text}");
                }

                break;
            case "keys revoke" when command.Subject is { } name:
                var keys = scope.ServiceProvider.GetRequiredService<ApiKeyDirectory>();
                problem = (await keys.ListAsync()).FirstOrDefault(k => k.Name == name) is { } found
                    ? await keys.RevokeAsync(actor, found.Id)
                    : $"No key named {name}.";
                break;
            default:
                await error.WriteLineAsync(Usage);
                return BadArguments;
        }

        if (problem is not null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return Refused;
        }

        await output.WriteLineAsync("done");
        return Done;
    }

    private static string[] RolesOf(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');

    /// <summary>"users create a@b --roles x": the verb is the first two words, the subject the third, then options.</summary>
    private sealed class Arguments(string[] args)
    {
        public string Verb { get; } = args.Length >= 2 ? $"{args[0]} {args[1]}" : args[0];

        public string? Subject { get; } = args.Length >= 3 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;

        public bool Has(string flag) => args.Contains(flag, StringComparer.Ordinal);

        public string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
    }
}
