using Microsoft.AspNetCore.Identity;

using RiskFlag.Web.Api;

namespace RiskFlag.Web.Identity;

/// <summary>POST /api/auth/login: e-mail and password for an Identity bearer token, the shape of MapIdentityApi's /login.</summary>
public static class LoginEndpoint
{
    public static async Task<IResult> HandleAsync(LoginRequest request, SignInManager<IdentityUser> signIn, AccessTokens tokens, SignInDecoy decoy)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(request.Email) ? ["Required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["Required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        // Identity's password check with its lockout; a user that does not exist fails the same way, and as slowly, as a wrong password.
        var result = user is null ? decoy.Refuse(signIn.UserManager, request.Password) : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Json(tokens.Issue(await signIn.CreateUserPrincipalAsync(user!)), ApiJson.Context.AccessTokenResponse);
        }

        return result.IsLockedOut
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked", detail: "Too many failed sign-ins, or the account is disabled: try again later or ask an administrator.")
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Wrong e-mail or password.");
    }
}

public sealed record LoginRequest(string? Email, string? Password);
