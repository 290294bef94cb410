namespace RiskFlag.Training.Commands;

/// <summary>Process exit codes, one per kind of failure so scripts can tell them apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadArguments = 2;
    public const int BadInput = 3;
    public const int BadParameters = 4;
    public const int BadData = 5;
    public const int BadModel = 6;
    public const int RegistryRefused = 7;
    public const int Failed = 1;
}
