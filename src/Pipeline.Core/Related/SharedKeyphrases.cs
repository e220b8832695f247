namespace Pipeline.Core.Related;

/// <summary>
/// What two articles are both about: the keyphrases they share. Keyphrases name a topic at different lengths in
/// different articles ("peace talks" in one, "peace" or "talks" in another, "drone" beside "drones"), so two phrases
/// are shared when, plurals folded, one is the other or lies within it word for word; the shared part is the shorter
/// phrase, since that is what both articles say.
/// </summary>
internal static class SharedKeyphrases
{
    /// <returns>The shared phrases, in the order of <paramref name="article"/>'s keyphrases (best first), each once.</returns>
    public static IReadOnlyList<string> Between(IReadOnlyList<string> article, IReadOnlyList<string> other, string? language)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(other);
        var others = other.Select(phrase => new Keyphrase(phrase, HeadlineText.PhraseWords(phrase, language))).ToList();
        var shared = new List<Keyphrase>();
        foreach (var phrase in article)
        {
            var own = new Keyphrase(phrase, HeadlineText.PhraseWords(phrase, language));
            foreach (var theirs in others)
            {
                var (shorter, longer) = own.Words.Length <= theirs.Words.Length ? (own, theirs) : (theirs, own);
                if (Contains(longer.Words, shorter.Words) && !shared.Any(known => known.Phrase == shorter.Phrase))
                {
                    shared.Add(shorter);
                }
            }
        }

        // "talks" says nothing that "peace talks", also shared, does not.
        return shared
            .Where(part => !shared.Any(whole => whole.Words.Length > part.Words.Length && Contains(whole.Words, part.Words)))
            .Select(part => part.Phrase)
            .ToList();
    }

    /// <param name="Words">The phrase's words with plurals folded.</param>
    private sealed record Keyphrase(string Phrase, string[] Words);

    /// <summary>True when <paramref name="part"/> occurs in <paramref name="whole"/> as consecutive words.</summary>
    private static bool Contains(string[] whole, string[] part)
    {
        if (part.Length == 0)
        {
            return false;
        }

        for (var start = 0; start + part.Length <= whole.Length; start++)
        {
            if (whole.AsSpan(start, part.Length).SequenceEqual(part))
            {
                return true;
            }
        }

        return false;
    }
}
