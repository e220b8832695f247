using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Core.Articles;
using Pipeline.Core.Serialization;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>Turns an <see cref="Article"/> into the Lucene document the index stores, and back.</summary>
internal static class ArticleDocumentBuilder
{
    // MoreLikeThis reads terms from term vectors; without them it would have to re-analyze stored text.
    private static readonly FieldType TitleType = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true });

    // Stored for snippets; positions and offsets let the highlighter rebuild tokens from the vector instead of re-analyzing.
    private static readonly FieldType BodyType = Freeze(new FieldType(TextField.TYPE_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    public static Term IdTerm(string id) => new(ArticleFields.Id, id);

    public static Document Build(Article article)
    {
        var document = new Document
        {
            new StringField(ArticleFields.Id, article.Id, Field.Store.YES),
            new SortedDocValuesField(ArticleFields.Id, new BytesRef(article.Id)),
            new Field(ArticleFields.Title, article.Title, TitleType),
            new Field(ArticleFields.Body, article.Body, BodyType),
            new NumericDocValuesField(ArticleFields.Published, ResultSummary.ToPublishedValue(article.Published)),
            new BinaryDocValuesField(ArticleFields.Summary, new ResultSummary(article.Title, article.Authors).Encode()),
            new StoredField(ArticleFields.ArticleJson, JsonSerializer.Serialize(article, PipelineJson.Options)),
        };

        foreach (var author in article.Authors)
        {
            document.Add(new TextField(ArticleFields.Authors, author, Field.Store.NO));
        }

        return document;
    }

    public static Article ReadArticle(Document document)
    {
        var json = document.Get(ArticleFields.ArticleJson)
            ?? throw new InvalidDataException($"Indexed document '{document.Get(ArticleFields.Id)}' has no stored article.");
        return JsonSerializer.Deserialize<Article>(json, PipelineJson.Options)
            ?? throw new InvalidDataException($"Indexed document '{document.Get(ArticleFields.Id)}' holds a null article.");
    }

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
