using System.Buffers;
using System.Text;

namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Puts decoded text into the one shape every normalizer works on: LF line endings, Unicode NFC, and no control
/// characters other than newline and tab. Typography (curly quotes, dashes, non-breaking spaces) is content and
/// is kept as written.
/// </summary>
public static class TextCleaner
{
    // Every character Clean changes or drops: control characters other than newline and tab (C0, DEL and C1, which
    // include the carriage return, vertical tab, form feed and NEL), the line and paragraph separators, and the byte
    // order mark.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u2028\u2029\uFEFF");

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // NFC first, so a decomposed "e" + combining accent compares, searches and hashes like the composed "é".
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        // Most text has none of the Special characters, so it is searched for them a block at a time and returned as is
        // when there are none.
        var next = normalized.AsSpan().IndexOfAny(Special);
        if (next < 0)
        {
            return normalized;
        }

        var builder = new StringBuilder(normalized.Length);
        var start = 0;
        while (next >= 0)
        {
            var i = start + next;
            builder.Append(normalized, start, i - start);
            var c = normalized[i];
            switch (c)
            {
                case '\r':
                    // CRLF and a bare CR (classic Mac) are both one line break.
                    builder.Append('\n');
                    if (i + 1 < normalized.Length && normalized[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u0085' or '\u2028' or '\v':
                    builder.Append('\n');
                    break;
                case '\u2029' or '\f':
                    // Paragraph separator and page break end a paragraph, so they become a blank line.
                    builder.Append("\n\n");
                    break;
                default:
                    // A byte order mark in the middle of text is a leftover from concatenated files; other control
                    // characters are dropped too.
                    break;
            }

            start = i + 1;
            next = normalized.AsSpan(start).IndexOfAny(Special);
        }

        builder.Append(normalized, start, normalized.Length - start);
        return builder.ToString();
    }
}
