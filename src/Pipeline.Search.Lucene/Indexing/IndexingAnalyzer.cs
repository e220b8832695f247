using Lucene.Net.Analysis;
using Pipeline.Search.Lucene.Suggestions;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// What the writer analyzes documents with: the article analyzer for the article fields, and the title-word analyzers
/// for the suggestion fields. It owns the latter; the article analyzer belongs to the index, which also queries with it.
/// </summary>
internal sealed class IndexingAnalyzer(Analyzer articleAnalyzer) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly TitleWordAnalyzer _titleWords = new(prefixes: false);
    private readonly TitleWordAnalyzer _titlePrefixes = new(prefixes: true);

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => fieldName switch
    {
        IndexFieldNames.TitleWords => _titleWords,
        IndexFieldNames.TitlePrefixes => _titlePrefixes,
        _ => articleAnalyzer,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _titleWords.Dispose();
            _titlePrefixes.Dispose();
        }

        base.Dispose(disposing);
    }
}
