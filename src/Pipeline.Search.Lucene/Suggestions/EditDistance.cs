namespace Pipeline.Search.Lucene.Suggestions;

/// <summary>Damerau-Levenshtein distance at most one, the tolerance of a fuzzy suggestion (as Lucene's FuzzyQuery counts it).</summary>
internal static class EditDistance
{
    public static bool AtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        // Past the common start: one substitution, one insertion, one deletion, or two neighbours swapped.
        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        if (restA.Length == restB.Length)
        {
            return restA[1..].SequenceEqual(restB[1..]) ||
                (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return restA.Length < restB.Length ? restA.SequenceEqual(restB[1..]) : restA[1..].SequenceEqual(restB);
    }
}
