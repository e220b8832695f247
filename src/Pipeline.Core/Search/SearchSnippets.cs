namespace Pipeline.Core.Search;

/// <summary>
/// What a hit's <see cref="SearchHit.Snippet"/> is, the same in both backends. By default it is the article's lead
/// summary, HTML-escaped: that is known when the article is indexed, so a page of results reads no article body. A
/// request that highlights the body gets the best passage of the body around the matches instead, with
/// <c>&lt;em&gt;</c> around them; that costs loading and highlighting every hit's body, several times the rest of a search.
/// </summary>
public static class SearchSnippets
{
    /// <summary>Whether the snippets of <paramref name="highlight"/>'s request are passages of the body rather than summaries.</summary>
    public static bool AreBodyPassages(HighlightRequest? highlight) =>
        highlight?.Fields.Contains(ArticleFieldNames.Body, StringComparer.Ordinal) == true;

    /// <summary>The default snippet: <paramref name="summary"/> HTML-escaped, or null when the article has none.</summary>
    public static string? FromSummary(string? summary) => string.IsNullOrWhiteSpace(summary) ? null : HtmlText.Encode(summary);
}
