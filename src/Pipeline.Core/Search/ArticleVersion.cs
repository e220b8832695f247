using Pipeline.Core.Articles;

namespace Pipeline.Core.Search;

/// <summary>Which version of its source blob an indexed article was made from.</summary>
/// <param name="ETag">The blob's ETag when it was read; null when the source did not say.</param>
/// <param name="LastModified">The blob's last-modified time when it was read; null when unknown.</param>
public sealed record ArticleVersion(string? ETag, DateTimeOffset? LastModified)
{
    public static ArticleVersion Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleVersion(article.Source.ETag, article.Source.LastModified);
    }
}
