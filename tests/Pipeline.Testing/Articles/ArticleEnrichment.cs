using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;

namespace Pipeline.Testing.Articles;

public static class ArticleEnrichment
{
    /// <summary>
    /// The article with the keyphrases and fingerprint ingest would derive from its content, for tests of features
    /// that read them; <see cref="ArticleBuilder"/> leaves them at their defaults.
    /// </summary>
    public static Article WithDerivedFields(this Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article with
        {
            Keyphrases = KeyphraseExtractor.Extract(article.Title, article.Sections, article.Language),
            Fingerprint = ContentFingerprint.Compute(article.Sections.SelectMany(section => section.Paragraphs)),
        };
    }
}
