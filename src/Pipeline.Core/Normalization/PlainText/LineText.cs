using System.Text;

namespace Pipeline.Core.Normalization.PlainText;

/// <summary>Small facts about a line of text that several plain-text rules ask the same way.</summary>
internal static class LineText
{
    /// <summary>Trims and collapses every run of whitespace (including non-breaking spaces) to one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whitespace-separated words; a crude count is enough for shape decisions.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    /// <summary>
    /// True when the text ends a sentence: . ! ? or …, optionally followed by closing quotes or brackets
    /// (<c>said so."</c>, <c>(see below.)</c>).
    /// </summary>
    public static bool EndsSentence(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd("\"'”’)]»");
        return !end.IsEmpty && end[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>Case- and whitespace-insensitive equality, for recognising the same line typed twice.</summary>
    public static bool SameText(string a, string b) =>
        string.Equals(CollapseWhitespace(a), CollapseWhitespace(b), StringComparison.OrdinalIgnoreCase);
}
