using System.Text;

namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Puts decoded text into the one shape every normalizer works on: LF line endings, Unicode NFC, and no control
/// characters other than newline and tab. Typography (curly quotes, dashes, non-breaking spaces) is content and
/// is kept as written.
/// </summary>
public static class TextCleaner
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // NFC first, so a decomposed "e" + combining accent compares, searches and hashes like the composed "é".
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        var builder = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
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
                case '\n' or '\t':
                    builder.Append(c);
                    break;
                case '\u0085' or '\u2028' or '\v':
                    builder.Append('\n');
                    break;
                case '\u2029' or '\f':
                    // Paragraph separator and page break end a paragraph, so they become a blank line.
                    builder.Append("\n\n");
                    break;
                case '\uFEFF':
                    // A byte order mark in the middle of text is a leftover from concatenated files.
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
