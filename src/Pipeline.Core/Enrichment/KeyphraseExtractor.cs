using System.Runtime.InteropServices;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// The terms an article is about, from the article alone (no corpus statistics, no model).
/// </summary>
/// <remarks>
/// Candidates are found the RAKE way (Rose et al., 2010): stop words and punctuation split the text into runs of
/// content words, and every run of up to three words inside them is a candidate phrase. A candidate scores the number
/// of its occurrences, weighted by where they are (title ×3, headings ×2, body ×1), times its number of words. Of two
/// candidates where one contains the other ("peace talks", "peace"), only the higher scoring one is kept, so a phrase
/// replaces its words when it accounts for most of their uses, and a lone word wins over a phrase it mostly occurs
/// without. In any text of some length a candidate must occur twice; phrases always must. Only languages with a stop
/// word list get keyphrases: without one (and without word segmentation for Chinese and Japanese) candidates would be
/// noise.
/// </remarks>
public static class KeyphraseExtractor
{
    public const int DefaultCount = 10;

    private const int MaxPhraseWords = 3;
    private const int TitleWeight = 3;
    private const int HeadingWeight = 2;
    private const int BodyWeight = 1;

    /// <summary>From this many body words on, a single occurrence is chance, not a theme.</summary>
    private const int WordsBeforeRepetitionCounts = 100;

    /// <summary>
    /// Up to <paramref name="count"/> keyphrases, lower case, best first (ties in order of first appearance).
    /// </summary>
    public static IReadOnlyList<string> Extract(
        string title, IReadOnlyList<ArticleSection> sections, string? language, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || !StopWords.Covers(language))
        {
            return [];
        }

        var counter = new CandidateCounter(language);
        counter.Add(title, TitleWeight);
        var bodyWords = 0;
        foreach (var section in sections)
        {
            if (section.Heading is not null)
            {
                counter.Add(section.Heading, HeadingWeight);
            }

            foreach (var paragraph in section.Paragraphs)
            {
                bodyWords += counter.Add(paragraph, BodyWeight);
            }
        }

        var minimumWordOccurrences = bodyWords >= WordsBeforeRepetitionCounts ? 2 : 1;
        var candidates = counter.Candidates
            .Where(c => c.Occurrences >= (c.Words == 1 ? minimumWordOccurrences : 2))
            .ToDictionary(c => c.Phrase, StringComparer.Ordinal);

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in candidates.Values.Where(c => c.Words > 1))
        {
            foreach (var part in SubPhrases(phrase.Phrase))
            {
                if (candidates.TryGetValue(part, out var inner))
                {
                    // Ties go to the shorter phrase: the extra word did not earn its place.
                    dropped.Add(phrase.Score > inner.Score ? inner.Phrase : phrase.Phrase);
                }
            }
        }

        return candidates.Values
            .Where(c => !dropped.Contains(c.Phrase))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FirstPosition)
            .ThenBy(c => c.Phrase, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Phrase)
            .ToList();
    }

    /// <summary>The shorter contiguous word sequences inside a phrase of two or three words.</summary>
    private static IEnumerable<string> SubPhrases(string phrase)
    {
        var words = phrase.Split(' ');
        for (var length = words.Length - 1; length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                yield return string.Join(' ', words, start, length);
            }
        }
    }

    private sealed class Candidate(string phrase, int words, int firstPosition)
    {
        public string Phrase { get; } = phrase;

        public int Words { get; } = words;

        public int FirstPosition { get; } = firstPosition;

        public int Occurrences { get; set; }

        public int Weight { get; set; }

        public int Score => Weight * Words;
    }

    private sealed class CandidateCounter(string? language)
    {
        private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);
        private readonly List<string> _run = [];
        private char[] _phrase = new char[128];
        private int _position;

        public IEnumerable<Candidate> Candidates => _candidates.Values;

        /// <summary>Counts the candidates of <paramref name="text"/>; returns its number of words.</summary>
        public int Add(string text, int weight)
        {
            var words = 0;
            var scanner = new WordScanner(text);
            while (scanner.MoveNext())
            {
                words++;
                if (scanner.FollowsBreak)
                {
                    Flush(weight);
                }

                var word = Normalize(scanner.Current);
                var isCandidateWord = !scanner.IsLogogram && word.Length >= 2 && word.Any(char.IsLetter);
                if (!isCandidateWord || StopWords.Contains(word, language))
                {
                    Flush(weight);
                    continue;
                }

                _run.Add(word);
            }

            Flush(weight);
            return words;
        }

        private void Flush(int weight)
        {
            // Phrases are looked up as spans of one buffer, so only a phrase seen for the first time becomes a string.
            var lookup = _candidates.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var start = 0; start < _run.Count; start++)
            {
                var length = 0;
                for (var words = 1; words <= MaxPhraseWords && start + words <= _run.Count; words++)
                {
                    var word = _run[start + words - 1];
                    if (_phrase.Length < length + word.Length + 1)
                    {
                        Array.Resize(ref _phrase, Math.Max(_phrase.Length * 2, length + word.Length + 1));
                    }

                    if (words > 1)
                    {
                        _phrase[length++] = ' ';
                    }

                    word.CopyTo(_phrase.AsSpan(length));
                    length += word.Length;
                    var phrase = _phrase.AsSpan(0, length);
                    if (!lookup.TryGetValue(phrase, out var candidate))
                    {
                        var text = phrase.ToString();
                        candidate = new Candidate(text, words, _position + start);
                        _candidates.Add(text, candidate);
                    }

                    candidate.Occurrences++;
                    candidate.Weight += weight;
                }
            }

            _position += _run.Count + 1;
            _run.Clear();
        }

        /// <summary>Lower case, one apostrophe, no possessive: "Ukraine’s" and "ukraine" are one term.</summary>
        private static string Normalize(ReadOnlySpan<char> word)
        {
            Span<char> buffer = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];
            var lower = buffer[..word.ToLowerInvariant(buffer)];
            lower.Replace('’', '\'');
            return (lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower).ToString();
        }
    }
}
