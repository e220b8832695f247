using Lucene.Net.Search.Highlight;
using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene.Highlighting;

/// <summary>
/// Escapes the text around highlights so a snippet is safe to put into HTML, and leaves everything else as it is.
/// </summary>
/// <remarks>
/// Lucene's SimpleHTMLEncoder also turns every non-ASCII character into a numeric reference, which makes curly
/// quotes and accented names unreadable in JSON and splits emoji into invalid surrogate references. The escaping is
/// <see cref="HtmlText"/>, shared with the Azure AI Search backend so both return the same snippets.
/// </remarks>
internal sealed class HtmlSnippetEncoder : IEncoder
{
    public string EncodeText(string originalText) => HtmlText.Encode(originalText);
}
