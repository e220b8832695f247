using System.Collections.Frozen;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// A cheap first pass of language identification, after jusText's per-language stop-word lists: the most frequent
/// function words of the languages most uploads are in, each kept only where it belongs to one language of the set
/// ("de" is Dutch, French, Spanish and Portuguese, so it counts for none). Running text is about a third function
/// words, so a sample of 80 words that hits one list many times and the others hardly at all is in that language;
/// anything less clear-cut is left to the n-gram detector.
/// </summary>
internal static class FunctionWordGuess
{
    // Hits needed in the sample, and how many times more than the runner-up.
    private const int MinHits = 8;
    private const int MinLead = 4;

    // Share of the sample's words that must be hits: a list of names or a table has few function words at all.
    private const double MinHitShare = 0.12;

    private static readonly (string Code, string Words)[] Lists =
    [
        ("en", "the and of to is that with for was are this have from which were has been their not but they by an would its it be or at on as who will had"),
        ("de", "der die und das ist nicht mit ein eine einen von zu den sich auf für dem auch wird sind werden im bei aus nach wie über noch nur oder hat kann"),
        ("fr", "le les et est une pour dans qui pas sur au du avec sont ce cette ont mais aussi été leur fait être il elle nous vous aux ne"),
        ("es", "el los las del y por con para está este según entre más como pero sus fue ha han muy sin sobre también al hay"),
        ("it", "il di che è per della sono gli anche nel alla degli dei delle ha questo più come dal nella ma essere sul"),
        ("pt", "não uma os do da em com para é ao dos das pelo pela mais foi são também seu sua ser isso"),
        ("nl", "het een van dat zijn voor niet aan ook wordt bij worden naar maar heeft deze wat nog dit hij zij"),
        ("pl", "się nie że jest przez dla są oraz jak tym być które został już czy jego może tylko"),
    ];

    private static readonly FrozenDictionary<string, int> LanguageOfWord = Build();

    private static readonly string[] Codes = Lists.Select(l => l.Code).ToArray();

    // Every word of every list, shared ones too: whether a word is a function word in some language of the set.
    private static readonly FrozenSet<string> AnyLanguage = Lists
        .SelectMany(l => l.Words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a lower-cased word that is a function word in one of the listed languages.</summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> lowerCaseWord) =>
        AnyLanguage.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lowerCaseWord);

    /// <summary>The language the sample's function words point to without doubt, or null.</summary>
    public static string? Guess(string sample)
    {
        Span<int> hits = stackalloc int[Codes.Length];
        var lookup = LanguageOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[24];
        var words = 0;
        var i = 0;
        while (i < sample.Length)
        {
            if (!char.IsLetter(sample[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sample.Length && char.IsLetter(sample[i]))
            {
                i++;
            }

            words++;
            var word = sample.AsSpan(start, i - start);
            if (word.Length <= lower.Length)
            {
                var length = word.ToLowerInvariant(lower);
                if (lookup.TryGetValue(lower[..length], out var language))
                {
                    hits[language]++;
                }
            }
        }

        var best = 0;
        var second = 0;
        var bestIndex = -1;
        for (var l = 0; l < hits.Length; l++)
        {
            if (hits[l] > best)
            {
                second = best;
                best = hits[l];
                bestIndex = l;
            }
            else if (hits[l] > second)
            {
                second = hits[l];
            }
        }

        return best >= MinHits && best >= MinLead * second && best >= words * MinHitShare ? Codes[bestIndex] : null;
    }

    private static FrozenDictionary<string, int> Build()
    {
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < Lists.Length; l++)
        {
            foreach (var word in Lists[l].Words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (owners.TryGetValue(word, out var owner) && owner != l)
                {
                    shared.Add(word);
                }

                owners[word] = l;
            }
        }

        return owners.Where(o => !shared.Contains(o.Key)).ToFrozenDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
    }
}
