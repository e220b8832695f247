using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Pipeline.Search.Lucene.Analysis;

namespace Pipeline.Search.Lucene.Suggestions;

/// <summary>
/// Title words as people type them: lower-cased and folded to ASCII ("zurich" finds "Zürich", a straight apostrophe
/// finds a curly one), but neither stemmed nor stop-word filtered, because a half-typed word is not a stem and "the"
/// may be the start of "theatre". With <paramref name="prefixes"/> every leading part of each word is indexed as well.
/// </summary>
internal sealed class TitleWordAnalyzer(bool prefixes) : Analyzer
{
    /// <summary>Words typed beyond this length are matched with a prefix query instead of an indexed prefix.</summary>
    public const int MaxIndexedPrefixLength = 20;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(ArticleAnalyzer.Version, reader);
        TokenStream stream = new LowerCaseFilter(ArticleAnalyzer.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (prefixes)
        {
            stream = new EdgeNGramTokenFilter(ArticleAnalyzer.Version, stream, 1, MaxIndexedPrefixLength);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
