using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Decodes an HTML upload. The shared <see cref="TextDecoder"/> decides first (byte order mark, then strict UTF-8),
/// because pages lie about their charset: saved copies keep the original <c>charset=gb2312</c> or
/// <c>Shift_JIS</c> declaration after being re-encoded as UTF-8. Only when the bytes are not UTF-8 does the
/// page's own declaration (or the upload's content type) get a say, instead of the Windows-1252 fallback, so that
/// a genuine Shift_JIS or GBK page still decodes.
/// </summary>
internal static partial class HtmlSourceDecoder
{
    // Browsers look for the declaration in the first 1024 bytes; saved pages sometimes push it further down.
    private const int DeclarationWindow = 4096;

    public static string Decode(SourceDocument source)
    {
        var decoded = TextDecoder.Decode(source);
        if (decoded.Encoding.CodePage == 1252 && DeclaredEncoding(source) is { } declared && declared.CodePage != 1252)
        {
            return TextCleaner.Clean(declared.GetString(source.Content.Span));
        }

        return TextCleaner.Clean(decoded.Text);
    }

    private static Encoding? DeclaredEncoding(SourceDocument source)
    {
        var head = source.Content.Span[..Math.Min(source.Content.Length, DeclarationWindow)];

        // Latin-1 maps every byte to one char, so the ASCII declaration reads correctly whatever the real encoding.
        var match = CharsetDeclaration().Match(Encoding.Latin1.GetString(head));
        if (!match.Success)
        {
            match = CharsetDeclaration().Match(source.ContentType ?? string.Empty);
        }

        return match.Success ? TryGetEncoding(match.Groups["name"].Value) : null;
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            // The code-pages provider is asked directly so decoding never depends on process-wide registration.
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // <meta charset="x">, <meta http-equiv content="text/html; charset=x"> (or value= on Postlight-saved pages),
    // <?xml encoding="x"?>, and the charset parameter of a Content-Type header.
    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?(?<name>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
