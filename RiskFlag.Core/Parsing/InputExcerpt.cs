namespace RiskFlag.Core.Parsing;

/// <summary>
/// How much of what a client sent an error message repeats: enough to recognise it, never the whole of a
/// 45 MB header line or a 200,000-digit age.
/// </summary>
public static class InputExcerpt
{
    public const int MaxCharacters = 100;

    public static string Of(string text, int max = MaxCharacters) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), $"… ({text.Length:N0} characters)");
}
