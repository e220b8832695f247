using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Core.Serialization;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Indexing;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>The schema version in the index's commit data, and the rebuild that carries a local index across an upgrade.</summary>
public sealed class IndexSchemaTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_new_index_records_the_current_schema_version()
    {
        _folder.OpenIndex().Dispose();

        Assert.Equal(IndexSchema.Current, SchemaVersionOnDisk());
    }

    [Fact]
    public async Task The_schema_version_survives_later_commits()
    {
        using (var index = _folder.OpenIndex())
        {
            await index.UpsertAsync(Article("one").Build(), CancellationToken);
            await index.DeleteAsync("one", CancellationToken);
        }

        Assert.Equal(IndexSchema.Current, SchemaVersionOnDisk());
    }

    [Fact]
    public async Task An_index_from_before_schema_versions_is_rebuilt_from_its_stored_articles()
    {
        var article = Article("kept").WithTitle("Lighthouse restored").WithBody("The lamp shines again.").FromBlob("bbc/coast/kept.txt")
            .WithTags("Coast").WithLanguage("en").PublishedAt(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero)).Build();
        WriteSchemaOneIndex(article, Article("other").WithTitle("Harbour reopens").Build());
        var logger = new RecordingLogger<LuceneArticleIndex>();

        using var index = _folder.OpenIndex(logger);

        var results = await index.SearchAsync(new SearchRequest("lighthouse")
        {
            Filter = new AnyFilter(ArticleFieldNames.Tags, new ComparisonFilter(ArticleFieldNames.Tags, ComparisonOperator.Eq, "Coast")),
            Facets = [new FacetRequest(ArticleFieldNames.Language)],
        }, CancellationToken);
        var hit = Assert.Single(results.Hits);
        Assert.Equal(["Coast"], hit.Tags);
        Assert.Equal("bbc", hit.Source);
        Assert.Equal("en", Assert.Single(results.Facets[ArticleFieldNames.Language]).Value);
        Assert.Equal("kept", Assert.Single(await index.SuggestAsync(new SuggestRequest("lightho"), CancellationToken)).Id);
        Assert.Equal(JsonSerializer.Serialize(article, PipelineJson.Options), JsonSerializer.Serialize(await index.GetAsync("kept", CancellationToken), PipelineJson.Options));
        Assert.Equal(2, (await index.SearchAsync(new SearchRequest("*"), CancellationToken)).TotalCount);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("rebuilding its 2 articles", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rebuilt_index_is_not_rebuilt_again()
    {
        WriteSchemaOneIndex(Article("kept").Build());
        _folder.OpenIndex().Dispose();
        var logger = new RecordingLogger<LuceneArticleIndex>();

        using var reopened = _folder.OpenIndex(logger);

        Assert.Equal(IndexSchema.Current, SchemaVersionOnDisk());
        Assert.DoesNotContain(logger.Entries, entry => entry.Message.Contains("rebuild", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_index_written_by_a_newer_schema_is_refused_with_a_clear_message()
    {
        using (var directory = FSDirectory.Open(_folder.Path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, null)))
        {
            writer.SetCommitData(new Dictionary<string, string> { [IndexSchema.UserDataKey] = (IndexSchema.Current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            writer.Commit();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => _folder.OpenIndex());

        Assert.Contains("newer version", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.Path, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes documents the way the index did before schema versions existed (schema 1), without commit data.</summary>
    private void WriteSchemaOneIndex(params Article[] articles)
    {
        using var directory = FSDirectory.Open(_folder.Path);
        using var analyzer = new ArticleAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzer.Version, analyzer));
        foreach (var article in articles)
        {
            writer.AddDocument(new Document
            {
                new StringField(IndexFieldNames.Id, article.Id, Field.Store.YES),
                new SortedDocValuesField(IndexFieldNames.Id, new BytesRef(article.Id)),
                new TextField(IndexFieldNames.Title, article.Title, Field.Store.NO),
                new TextField(IndexFieldNames.Body, article.Body, Field.Store.YES),
                new NumericDocValuesField(IndexFieldNames.Published, article.Published?.UtcTicks ?? long.MinValue),
                new BinaryDocValuesField(IndexFieldNames.Summary, new BytesRef([1, 0, 0])),
                new StoredField(IndexFieldNames.ArticleJson, JsonSerializer.Serialize(article, PipelineJson.Options)),
            });
        }

        writer.Commit();
    }

    private int? SchemaVersionOnDisk()
    {
        using var directory = FSDirectory.Open(_folder.Path);
        return IndexSchema.VersionOf(directory);
    }
}
