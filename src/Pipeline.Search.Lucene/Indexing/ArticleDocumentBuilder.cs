using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>Turns an <see cref="Article"/> into the Lucene document the index stores, and back.</summary>
internal static class ArticleDocumentBuilder
{
    /// <summary>
    /// Exact values longer than this are not indexed for filters and facets: Lucene refuses terms over 32 KB, and no one
    /// filters on a paragraph. The value stays in the article and in hits.
    /// </summary>
    public const int MaxExactValueLength = 512;

    // MoreLikeThis reads terms from term vectors; without them it would have to re-analyze stored text.
    private static readonly FieldType VectorTextType = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true });

    // Stored for snippets; positions and offsets let the highlighter rebuild tokens from the vector instead of re-analyzing.
    private static readonly FieldType BodyType = Freeze(new FieldType(TextField.TYPE_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    public static Term IdTerm(string id) => new(IndexFieldNames.Id, id);

    public static Document Build(Article article)
    {
        var document = new Document
        {
            new StringField(IndexFieldNames.Id, article.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFieldNames.Id, new BytesRef(article.Id)),
            new Field(IndexFieldNames.Title, article.Title, VectorTextType),
            new TextField(IndexFieldNames.TitleWords, article.Title, Field.Store.NO),
            new TextField(IndexFieldNames.TitlePrefixes, article.Title, Field.Store.NO),
            new Field(IndexFieldNames.Body, article.Body, BodyType),
            new BinaryDocValuesField(IndexFieldNames.Summary, ResultSummary.Of(article).Encode()),
            new BinaryDocValuesField(IndexFieldNames.Version, VersionValue.Encode(article.Source)),
            new StoredField(IndexFieldNames.ArticleJson, JsonSerializer.Serialize(article, PipelineJson.Options)),
        };

        if (article.Published is { } published)
        {
            document.Add(new Int64Field(IndexFieldNames.Published, published.UtcTicks, Field.Store.NO));
            document.Add(new NumericDocValuesField(IndexFieldNames.Published, published.UtcTicks));
        }

        AddCollection(document, IndexFieldNames.Authors, IndexFieldNames.AuthorValues, article.Authors);
        AddCollection(document, IndexFieldNames.Tags, IndexFieldNames.TagValues, article.Tags);
        foreach (var keyphrase in article.Keyphrases)
        {
            document.Add(new Field(IndexFieldNames.Keyphrases, keyphrase, VectorTextType));
        }

        AddExact(document, IndexFieldNames.Language, article.Language);
        AddExact(document, IndexFieldNames.Source, ArticleFieldNames.SourceOf(article.Source.BlobName));
        AddExact(document, IndexFieldNames.SiteName, article.SiteName);
        AddExact(document, IndexFieldNames.Format, ArticleFieldNames.FormatOf(article.Format));
        return document;
    }

    public static Article ReadArticle(Document document)
    {
        var json = document.Get(IndexFieldNames.ArticleJson)
            ?? throw new InvalidDataException($"Indexed document '{document.Get(IndexFieldNames.Id)}' has no stored article.");
        return JsonSerializer.Deserialize<Article>(json, PipelineJson.Options)
            ?? throw new InvalidDataException($"Indexed document '{document.Get(IndexFieldNames.Id)}' holds a null article.");
    }

    private static void AddCollection(Document document, string textField, string valueField, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            document.Add(new TextField(textField, value, Field.Store.NO));
            if (IsExactValue(value))
            {
                document.Add(new StringField(valueField, value, Field.Store.NO));
                document.Add(new SortedSetDocValuesField(valueField, new BytesRef(value)));
            }
        }
    }

    private static void AddExact(Document document, string field, string? value)
    {
        if (value is not null && IsExactValue(value))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static bool IsExactValue(string value) => value.Length is > 0 and <= MaxExactValueLength;

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
