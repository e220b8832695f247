using System.Text;

namespace Pipeline.Bench.Relevance.Systems;

/// <summary>
/// Makes a collection's query text plain words for each system's syntax, so that no query is read as operators:
/// the collections' requests are natural language, and "-" or "(" in them means nothing to a search engine.
/// </summary>
internal static class PlainTerms
{
    /// <summary>
    /// For the simple syntax: quotes removed, a leading <c>+</c>/<c>-</c> and a trailing <c>*</c> trimmed from
    /// every word. Everything else is literal in that syntax already.
    /// </summary>
    public static string ForSimpleSyntax(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var word in text.Replace('"', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = word.TrimStart('+', '-').TrimEnd('*');
            if (trimmed.Length > 0)
            {
                plain.Append(plain.Length == 0 ? string.Empty : " ").Append(trimmed);
            }
        }

        return plain.ToString();
    }
}
