namespace Pipeline.Core.Enrichment;

public static class TextStatistics
{
    /// <summary>Counts runs of letters or digits; punctuation and dashes alone are not words.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c) || (inWord && (c is '\'' or '’' or '-'));
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }
}
