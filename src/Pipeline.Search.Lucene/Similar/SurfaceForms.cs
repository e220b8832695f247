using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Pipeline.Search.Lucene.Similar;

/// <summary>
/// Maps index terms back to the words they came from in a text: "vallei" to "valley", "heavi" to "heavy".
/// Stems are what MoreLikeThis works with, but people reading why two articles are related should see words.
/// </summary>
internal static class SurfaceForms
{
    /// <returns>Each term with the first word in <paramref name="texts"/> that analyzes to it, lowercased.</returns>
    public static Dictionary<string, string> Map(Analyzer analyzer, string field, IEnumerable<string> texts)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offsets = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var start = offsets.StartOffset;
                var end = offsets.EndOffset;
                if (start >= 0 && end <= text.Length && start < end)
                {
                    forms.TryAdd(term.ToString(), text[start..end].ToLowerInvariant());
                }
            }

            stream.End();
        }

        return forms;
    }
}
