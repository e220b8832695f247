namespace Pipeline.Core.Enrichment;

/// <summary>
/// Splits a paragraph into sentences. A full stop, question or exclamation mark (and any closing quotes after it) ends
/// a sentence when whitespace and a word that is not lower case follow. A point inside a token ("5.2", "bbc.co.uk")
/// never ends one, and neither does the point of a title such as "Mr." or "Dr.". After an initialism ("U.S."), a lone
/// initial ("George W.") or an abbreviation that can also close a sentence ("Inc.", "a.m."), the sentence only ends
/// when the next word is one that typically opens a sentence ("The", "But", "He"), so "U.S. President" stays whole.
/// Chinese and Japanese full stops (。！？) end a sentence without the need for a space.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Abbreviations that a capitalised name usually follows; their point does not end a sentence.</summary>
    private static readonly HashSet<string> TitleAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "st", "mt", "ft", "gen", "gov", "sen", "rep", "pres",
        "lt", "col", "capt", "cpt", "sgt", "cmdr", "adm", "maj", "brig", "supt", "insp", "det", "messrs", "mme", "mlle",
        "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "est", "dept", "univ", "assn", "bros", "nr",
    };

    /// <summary>Abbreviations whose point is not an end when a number follows ("No. 10", "pp. 4-7").</summary>
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "nr", "art", "p", "pp", "vol", "fig", "figs", "ch", "sec", "op", "tel", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Abbreviations that often close a sentence too ("… bought by Apple Inc.").</summary>
    private static readonly HashSet<string> AmbiguousAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "etc", "al", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
    };

    /// <summary>Words that commonly open an English sentence; after an ambiguous point they confirm a boundary.</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from", "by", "with", "to", "of",
        "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "this", "that", "these",
        "those", "there", "here", "however", "meanwhile", "mr", "mrs", "ms", "dr", "as", "if", "while", "when", "after",
        "before", "since", "although", "though", "despite", "also", "one", "some", "many", "most", "both", "such",
        "what", "who", "why", "how", "where", "according", "last", "earlier", "later", "now", "then", "still", "all",
        "each", "other", "another", "under", "over", "it's", "not", "no", "yes",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '。' or '！' or '？' or '｡')
            {
                var end = SkipClosers(text, i + 1);
                Add(sentences, text, start, end);
                start = i = SkipWhiteSpace(text, end);
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < text.Length && text[runEnd] is '.' or '!' or '?' or '…')
            {
                runEnd++;
            }

            var sentenceEnd = SkipClosers(text, runEnd);
            if (sentenceEnd >= text.Length || !char.IsWhiteSpace(text[sentenceEnd]))
            {
                // "5.2", "bbc.co.uk", "U.S.-led": the mark sits inside a token.
                i = sentenceEnd;
                continue;
            }

            var next = SkipWhiteSpace(text, sentenceEnd);
            if (next < text.Length && EndsSentence(text, i, runEnd, next))
            {
                Add(sentences, text, start, sentenceEnd);
                start = next;
            }

            i = next;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int markStart, int markEnd, int next)
    {
        var wordStart = next;
        while (wordStart < text.Length && IsOpener(text[wordStart]))
        {
            wordStart++;
        }

        if (wordStart >= text.Length || char.IsLower(text[wordStart]))
        {
            return false;
        }

        // Only a single full stop can belong to an abbreviation; "?", "!" and "..." before a capital always end.
        if (markEnd - markStart != 1 || text[markStart] != '.')
        {
            return true;
        }

        var before = WordBefore(text, markStart);
        var nextWord = WordAt(text, wordStart);
        if (TitleAbbreviations.Contains(before))
        {
            return false;
        }

        if (NumberAbbreviations.Contains(before) && char.IsDigit(text[wordStart]))
        {
            return false;
        }

        var isInitial = before.Length == 1 && char.IsUpper(before[0]);
        var isInitialism = before.Contains('.');
        if (isInitial || isInitialism || AmbiguousAbbreviations.Contains(before))
        {
            return SentenceOpeners.Contains(nextWord);
        }

        return true;
    }

    /// <summary>The letters (and inner points, as in "U.S") right before <paramref name="end"/>.</summary>
    private static string WordBefore(string text, int end)
    {
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || (text[start - 1] == '.' && start > 1 && char.IsLetter(text[start - 2]))))
        {
            start--;
        }

        return text[start..end];
    }

    private static string WordAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '\'' or '’'))
        {
            end++;
        }

        return text[start..end].Replace('’', '\'');
    }

    private static int SkipClosers(string text, int index)
    {
        while (index < text.Length && IsCloser(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']' or '」' or '』' or '）' or '】';

    private static bool IsOpener(char c) =>
        c is '"' or '\'' or '“' or '‘' or '«' or '‹' or '(' or '[' or '「' or '『' or '（' or '【' or '¿' or '¡';

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        var sentence = text.AsSpan(start, end - start).Trim();
        if (!sentence.IsEmpty)
        {
            sentences.Add(sentence.ToString());
        }
    }
}
