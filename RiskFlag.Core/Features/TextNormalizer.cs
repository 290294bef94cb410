using System.Text;

namespace RiskFlag.Core.Features;

/// <summary>
/// One spelling per name: lower case, footnote brackets removed ("Warangal[11][12]" → "warangal"),
/// spaces as underscores ("West Bengal" → "west_bengal"). Non-ASCII letters are kept.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            switch (c)
            {
                case '[':
                    depth++;
                    continue;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    continue;
            }

            if (depth > 0)
            {
                continue;
            }

            var mapped = c is ' ' or '\t' ? '_' : char.ToLowerInvariant(c);
            if (mapped == '_' && (builder.Length == 0 || builder[^1] == '_'))
            {
                continue;
            }

            builder.Append(mapped);
        }

        while (builder.Length > 0 && builder[^1] == '_')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>A human spelling for messages and lists: brackets removed, underscores as spaces.</summary>
    public static string Display(string text) => Normalize(text).Length == 0
        ? text.Trim()
        : string.Join(' ', StripBrackets(text).Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string StripBrackets(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
