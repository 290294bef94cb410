namespace RiskFlag.Web.Identity;

public static class SignInPaths
{
    public const string SignIn = "/Account/SignIn";
    public const string SignOut = "/Account/SignOut";
    public const string Denied = "/Account/Denied";
    public const string Login = "/api/auth/login";
}
