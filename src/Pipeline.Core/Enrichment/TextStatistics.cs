namespace Pipeline.Core.Enrichment;

public static class TextStatistics
{
    /// <summary>
    /// Silent reading speed of adults for English non-fiction (Brysbaert, 2019). The same study puts Chinese at about
    /// 255 characters a minute, so with one word per Han or Kana character the one figure serves both.
    /// </summary>
    public const int WordsPerMinute = 238;

    /// <summary>
    /// Counts words as <see cref="WordScanner"/> finds them: runs of letters or digits, with each Chinese or Japanese
    /// character counted as a word of its own; punctuation and dashes alone are not words.
    /// </summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var scanner = new WordScanner(text);
        while (scanner.MoveNext())
        {
            count++;
        }

        return count;
    }

    /// <summary>Minutes a reader needs at <see cref="WordsPerMinute"/>, rounded up; at least 1 for any text, 0 for none.</summary>
    public static int ReadingMinutes(int wordCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);
        return (wordCount + WordsPerMinute - 1) / WordsPerMinute;
    }
}
