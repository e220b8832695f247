using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Azure AI Search inserts highlight tags into raw text without escaping it. Asking it for private-use marker
/// characters instead, then HTML-encoding the fragment and swapping the markers for the caller's tags, gives
/// fragments that are safe to render, the same as the embedded index returns.
/// </summary>
internal static class HighlightEncoder
{
    public const string PreMarker = "\uE000";
    public const string PostMarker = "\uE001";

    public static string Encode(string fragment, string preTag, string postTag) =>
        HtmlText.Encode(fragment)
            .Replace(PreMarker, preTag, StringComparison.Ordinal)
            .Replace(PostMarker, postTag, StringComparison.Ordinal);
}
