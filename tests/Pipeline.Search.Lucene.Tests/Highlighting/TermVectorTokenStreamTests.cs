using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Highlighting;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Testing.Articles;

namespace Pipeline.Search.Lucene.Tests.Highlighting;

/// <summary>The highlighter's tokens from the body's term vector are exactly those Lucene's own replay gives.</summary>
public sealed class TermVectorTokenStreamTests
{
    [Fact]
    public void Replays_the_body_as_lucenes_term_vector_stream_does()
    {
        // A real story: repeated words, stop words removed (gaps in positions), punctuation, a long text.
        using var directory = new RAMDirectory();
        using var analyzer = new ArticleAnalyzer();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, analyzer)))
        {
            writer.AddDocument(ArticleDocumentBuilder.Build(SeedArticle.Load()));
        }

        using var reader = DirectoryReader.Open(directory);
        var expected = Tokens(TokenSources.GetTokenStream(reader.GetTermVectors(0).GetTerms(IndexFieldNames.Body)));

        var actual = Tokens(TermVectorTokenStream.Create(reader, 0, IndexFieldNames.Body)!);

        Assert.True(expected.Count > 300, $"the sample gave only {expected.Count} tokens");
        Assert.Equal(expected, actual);
    }

    private static List<(string Term, int Increment, int Start, int End)> Tokens(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var tokens = new List<(string, int, int, int)>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
            }

            stream.End();
            return tokens;
        }
    }
}
