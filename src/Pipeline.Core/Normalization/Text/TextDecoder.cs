using System.Text;
using System.Text.Unicode;

namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Turns uploaded bytes into a string without trusting what the uploader declared: a byte order mark wins,
/// then UTF-16 recognised by its pattern of zero bytes, then strict UTF-8, then a single-byte code page: Windows-1251
/// when the bytes read as Cyrillic, else Windows-1252. Uploads are mostly UTF-8, but older corpora and Windows editors
/// still produce single-byte text (the BBC corpus has a lone 0xA3 "£"), and single-byte code pages decode any byte
/// sequence, so the fallback never loses the file. UTF-8 read as Windows-1252 upstream ("â€™") is repaired.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf32LittleEndian = new UTF32Encoding(bigEndian: false, byteOrderMark: false);

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    /// <summary>Decodes <paramref name="source"/>'s bytes.</summary>
    /// <exception cref="NormalizationException">
    /// <see cref="NormalizationErrorCode.Empty"/> when there are no bytes, <see cref="NormalizationErrorCode.Binary"/>
    /// when the bytes are not text.
    /// </exception>
    public static DecodedText Decode(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = source.Content.Span;
        if (bytes.IsEmpty)
        {
            throw new NormalizationException(NormalizationErrorCode.Empty, $"'{source.Name}' is empty.");
        }

        return Decode(bytes) ?? throw new NormalizationException(NormalizationErrorCode.Binary, $"'{source.Name}' is not text.");
    }

    /// <summary>Decodes <paramref name="bytes"/>, or returns null when they are not text.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes)
    {
        if (TryDetectByteOrderMark(bytes, out var bomEncoding, out var bomLength))
        {
            // A BOM is trusted over the bytes (invalid sequences become U+FFFD). NUL bytes are normal in UTF-16/32,
            // so binary detection looks at the decoded characters instead.
            var text = bomEncoding.GetString(bytes[bomLength..]);
            return BinaryContentDetector.LooksBinary(text.AsSpan()) ? null : new DecodedText(text, bomEncoding);
        }

        if (TryDetectUtf16WithoutByteOrderMark(bytes, out var utf16))
        {
            // Notepad's "Unicode" without a BOM, and exports that drop it: every Latin character has a zero byte, so
            // the byte-level binary check below would reject readable text.
            var text = utf16.GetString(bytes[..(bytes.Length & ~1)]);
            return BinaryContentDetector.LooksBinary(text.AsSpan()) ? null : new DecodedText(text, utf16);
        }

        if (BinaryContentDetector.LooksBinary(bytes))
        {
            return null;
        }

        // Strict UTF-8 first: valid UTF-8 that is not meant as UTF-8 is vanishingly rare, while any Windows-1252
        // text with a non-ASCII byte is almost never valid UTF-8.
        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(MojibakeRepair.Repair(Encoding.UTF8.GetString(bytes)), Encoding.UTF8);
        }

        // Code pages are taken from the provider directly rather than registered process-wide: decoding must not
        // depend on (or change) global Encoding state that the host or other libraries own.
        var singleByte = SingleByteEncodingGuesser.Guess(bytes);
        return new DecodedText(MojibakeRepair.Repair(singleByte.GetString(bytes)), singleByte);
    }

    /// <summary>
    /// UTF-16 without a byte order mark, recognised the way Windows' IsTextUnicode does: in text that is mostly Latin
    /// script, nearly every other byte is zero, and the bytes between are not. Binary formats put zeros anywhere.
    /// </summary>
    private static bool TryDetectUtf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes, out Encoding encoding)
    {
        const int MinCharacters = 4;
        encoding = Encoding.Unicode;
        var sample = bytes[..(Math.Min(bytes.Length, BinaryContentDetector.SampleLength) & ~1)];
        var characters = sample.Length / 2;
        if (characters < MinCharacters)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros >= characters * 0.7 && evenZeros <= characters * 0.05)
        {
            return true;
        }

        encoding = Encoding.BigEndianUnicode;
        return evenZeros >= characters * 0.7 && oddZeros <= characters * 0.05;
    }

    private static bool TryDetectByteOrderMark(ReadOnlySpan<byte> bytes, out Encoding encoding, out int length)
    {
        // UTF-32 LE must be tested before UTF-16 LE: its BOM (FF FE 00 00) starts with UTF-16 LE's (FF FE).
        (encoding, length) = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Utf32LittleEndian, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };

        return length > 0;
    }
}

/// <param name="Text">The decoded text, byte order mark removed, otherwise untouched.</param>
/// <param name="Encoding">The encoding the bytes were read with.</param>
public sealed record DecodedText(string Text, Encoding Encoding);
