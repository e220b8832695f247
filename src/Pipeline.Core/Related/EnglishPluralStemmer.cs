namespace Pipeline.Core.Related;

/// <summary>
/// The "S" stemmer (Harman, 1991): removes English plural endings and nothing else, so "talks" meets "talk" and
/// "challenges" meets "challenge" while words with different meanings ("organ", "organization") stay apart, which
/// stronger stemmers such as Porter's do not guarantee. Headline variants differ in number far more often than in
/// derivation.
/// </summary>
internal static class EnglishPluralStemmer
{
    /// <param name="word">A lower-case word.</param>
    /// <remarks>The rules as Lucene's EnglishMinimalStemmer applies them: the first that fits decides.</remarks>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3 || word[^1] != 's' || word[^2] is 'u' or 's')
        {
            return word;
        }

        if (word[^2] != 'e')
        {
            return word[..^1];
        }

        // "-ies" becomes "-y" ("parties"), except after a vowel ("eies", "aies").
        if (word.Length > 3 && word[^3] == 'i' && word[^4] is not ('a' or 'e'))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        // "-aes", "-ees", "-oes" and the rest of "-ies" stay ("trees", "shoes"); any other "-es" loses its "s".
        return word[^3] is 'i' or 'a' or 'o' or 'e' ? word : word[..^1];
    }
}
