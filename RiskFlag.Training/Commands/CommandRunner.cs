using RiskFlag.Core.Bundle;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Registry;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Training.Commands;

/// <summary>Runs a command body and turns each known failure into a one-line reason and its exit code.</summary>
public static class CommandRunner
{
    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidApplicantFileException e)
        {
            return Fail(error, ExitCodes.BadInput, e.Message);
        }
        catch (TrainingParametersException e)
        {
            return Fail(error, ExitCodes.BadParameters, e.Message);
        }
        catch (TrainingDataException e)
        {
            return Fail(error, ExitCodes.BadData, e.Message);
        }
        catch (InvalidModelBundleException e)
        {
            return Fail(error, ExitCodes.BadModel, e.Message);
        }
        catch (RegistryException e)
        {
            return Fail(error, ExitCodes.RegistryRefused, e.Message);
        }
        catch (DllNotFoundException e)
        {
            return Fail(error, ExitCodes.Failed, $"LightGBM's native library could not be loaded (training needs libgomp1: apt-get install libgomp1): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, ExitCodes.BadInput, e.Message);
        }
    }

    private static int Fail(TextWriter error, int code, string message)
    {
        error.WriteLine($"error: {message}");
        return code;
    }
}
