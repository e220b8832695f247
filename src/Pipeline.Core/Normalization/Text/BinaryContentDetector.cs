namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Tells text from binary by looking at the start of the content only, so an image or archive dropped into the
/// container is rejected cheaply instead of being decoded into a page of mojibake.
/// </summary>
public static class BinaryContentDetector
{
    /// <summary>How much of the content is inspected: enough to see past any text-looking header.</summary>
    public const int SampleLength = 8 * 1024;

    // Share of control characters above which content is not text. Real text has almost none
    // (tabs, newlines and form feeds are not counted), binary formats are full of them.
    private const double MaxControlShare = 0.10;

    // Formats whose first bytes are printable, so the control-character count alone could let them through.
    private static readonly byte[][] BinarySignatures =
    [
        "%PDF-"u8.ToArray(),
        [0x89, (byte)'P', (byte)'N', (byte)'G'],
        [0xFF, 0xD8, 0xFF],
        "GIF8"u8.ToArray(),
        [(byte)'P', (byte)'K', 0x03, 0x04],
        [0x1F, 0x8B],
    ];

    /// <summary>True when undecoded bytes (without a byte order mark) are not text.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        foreach (var signature in BinarySignatures)
        {
            if (content.StartsWith(signature))
            {
                return true;
            }
        }

        var sample = content[..Math.Min(content.Length, SampleLength)];
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (IsSuspiciousControl((char)b))
            {
                controls++;
            }
        }

        return controls > sample.Length * MaxControlShare;
    }

    /// <summary>True when decoded text (read through a byte order mark) is not really text.</summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, SampleLength)];
        if (sample.Contains('\0'))
        {
            return true;
        }

        var controls = 0;
        foreach (var c in sample)
        {
            if (IsSuspiciousControl(c))
            {
                controls++;
            }
        }

        return controls > sample.Length * MaxControlShare;
    }

    private static bool IsSuspiciousControl(char c) => c is (< ' ' and not ('\t' or '\n' or '\r' or '\f')) or '\x7F';
}
