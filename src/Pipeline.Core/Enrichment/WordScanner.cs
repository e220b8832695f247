using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Walks the words of a text without allocating: the one definition of "a word" that counting, keyphrases and
/// fingerprints share.
/// </summary>
/// <remarks>
/// A word is a run of letters, digits and combining marks. An apostrophe or hyphen between two such characters stays
/// inside the word ("don't", "multi-storey"), so does a point or comma between digits ("5.2", "146,000") and the points
/// of an initialism ("U.S.", "a.m."). Chinese and Japanese are written without spaces, so each Han, Hiragana or
/// Katakana character is a word of its own; that is also roughly how their reading speed is measured. Thai and other
/// unspaced scripts still come out as runs, which undercounts them.
/// </remarks>
internal ref struct WordScanner(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    /// <summary>Where the current word starts in the text.</summary>
    public int Start { get; private set; }

    /// <summary>Length of the current word in chars.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// True when punctuation or a line break separates the current word from the previous one, so the two cannot be
    /// read as one phrase.
    /// </summary>
    public bool FollowsBreak { get; private set; }

    /// <summary>True when the current word is a single Han, Hiragana or Katakana character.</summary>
    public bool IsLogogram { get; private set; }

    public readonly ReadOnlySpan<char> Current => _text.Slice(Start, Length);

    public bool MoveNext()
    {
        var text = _text;
        var followsBreak = false;
        while (_position < text.Length && !StartsWord(text, _position))
        {
            var c = text[_position];
            followsBreak |= c is '\n' or '\r' || !(char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c));
            _position++;
        }

        if (_position >= text.Length)
        {
            Length = 0;
            return false;
        }

        Start = _position;
        FollowsBreak = followsBreak;
        if (IsLogogramAt(text, _position, out var logogramLength))
        {
            IsLogogram = true;
            _position += logogramLength;
            Length = logogramLength;
            return true;
        }

        IsLogogram = false;
        var segment = 0;
        var isInitialism = false;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (IsWordChar(c) && !IsLogogramAt(text, _position, out _))
            {
                _position++;
                segment++;
                continue;
            }

            var next = _position + 1 < text.Length ? text[_position + 1] : '\0';
            var previous = text[_position - 1];
            var joinsTwoWordChars = IsWordChar(previous) && IsWordChar(next) && !IsLogogramAt(text, _position + 1, out _);
            if (c is '\'' or '’' or '-' or '‐' && joinsTwoWordChars)
            {
                _position++;
                segment = 0;
                continue;
            }

            if (c is '.' or ',' && char.IsAsciiDigit(previous) && char.IsAsciiDigit(next))
            {
                _position++;
                segment = 0;
                continue;
            }

            if (c == '.' && segment == 1 && char.IsLetter(previous))
            {
                var afterNext = _position + 2 < text.Length ? text[_position + 2] : '\0';
                if (char.IsLetter(next) && afterNext == '.')
                {
                    isInitialism = true;
                    _position++;
                    segment = 0;
                    continue;
                }

                if (isInitialism)
                {
                    // The closing point of "U.S." belongs to the word.
                    _position++;
                }
            }

            break;
        }

        Length = _position - Start;
        return true;
    }

    private static bool StartsWord(ReadOnlySpan<char> text, int index) =>
        IsWordChar(text[index]) || IsLogogramAt(text, index, out _);

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsLogogramAt(ReadOnlySpan<char> text, int index, out int length)
    {
        length = 0;
        if (index >= text.Length
            || Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) != OperationStatus.Done)
        {
            return false;
        }

        if (!IsLogogramCodePoint(rune.Value))
        {
            return false;
        }

        length = consumed;
        return true;
    }

    /// <summary>Han ideographs (with extensions and compatibility forms), Hiragana and Katakana (full and half width).</summary>
    internal static bool IsLogogramCodePoint(int codePoint) => codePoint switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x31F0 and <= 0x31FF => true, // Katakana phonetic extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFF66 and <= 0xFF9F => true, // half-width Katakana
        >= 0x20000 and <= 0x3134F => true, // CJK extensions B to G
        0x3005 or 0x3006 => true, // 々 and 〆, written as part of words
        _ => false,
    };
}
