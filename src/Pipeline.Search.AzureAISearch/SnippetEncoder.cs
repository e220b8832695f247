using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Azure AI Search inserts highlight tags into raw text without escaping it. Asking it for private-use marker
/// characters instead, then HTML-encoding the fragment and swapping the markers for tags, gives snippets that are
/// safe to render, the same as the embedded index returns.
/// </summary>
internal static class SnippetEncoder
{
    public const string PreMarker = "\uE000";
    public const string PostMarker = "\uE001";

    public static string Encode(string fragment) =>
        HtmlText.Encode(fragment)
            .Replace(PreMarker, "<em>", StringComparison.Ordinal)
            .Replace(PostMarker, "</em>", StringComparison.Ordinal);
}
