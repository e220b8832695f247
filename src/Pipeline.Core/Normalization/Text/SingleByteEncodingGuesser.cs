using System.Text;

namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Chooses between the two single-byte code pages that undeclared non-UTF-8 uploads come in: Windows-1252 (Western
/// European; ISO-8859-1 is its subset) and Windows-1251 (Cyrillic).
/// </summary>
/// <remarks>
/// Both code pages put letters at 0xC0–0xFF. Cyrillic text is written almost entirely in those bytes, while Latin-script
/// text uses them for the odd accented letter among ASCII ones: even French or German prose stays well under a third
/// of its letters accented. So the share of letters in that range decides, with a wide margin either way.
/// </remarks>
internal static class SingleByteEncodingGuesser
{
    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available from CodePagesEncodingProvider.");

    public static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)
        ?? throw new InvalidOperationException("Windows-1251 is not available from CodePagesEncodingProvider.");

    private const double CyrillicLetterShare = 0.5;

    public static Encoding Guess(ReadOnlySpan<byte> bytes)
    {
        int asciiLetters = 0, highLetters = 0;
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z'))
            {
                asciiLetters++;
            }
            else if (b >= 0xC0 || b is 0xA8 or 0xB8)
            {
                // 0xA8/0xB8 are Ё/ё in Windows-1251.
                highLetters++;
            }
        }

        var letters = asciiLetters + highLetters;
        return letters > 0 && highLetters >= letters * CyrillicLetterShare ? Windows1251 : Windows1252;
    }
}
