using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Pipeline.Search.Lucene.Analysis;

/// <summary>
/// English analysis for every text field: standard tokenizer, English possessive, lowercase, English stop words,
/// Porter stemming (the chain of Lucene's EnglishAnalyzer), plus apostrophe normalization in front of it.
/// </summary>
/// <remarks>
/// News text uses typographic apostrophes ("O’Brien", "don’t") while people type straight ones. Without mapping
/// both to one character the index holds "o’brien" and the query asks for "o'brien", and nothing matches.
/// </remarks>
internal sealed class ArticleAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Keeps the values of a multi-valued field (one author per value) apart, so a phrase never spans two of them.
    private const int PositionGapBetweenValues = 100;

    public override int GetPositionIncrementGap(string fieldName) => PositionGapBetweenValues;

    /// <summary>The form prefix queries compare against: prefixes are not analyzed, so they get the same lowercasing and apostrophes.</summary>
    public static string NormalizePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return string.Create(prefix.Length, prefix, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = ApostropheCharFilter.Map(char.ToLowerInvariant(text[i]));
            }
        });
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new ApostropheCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
