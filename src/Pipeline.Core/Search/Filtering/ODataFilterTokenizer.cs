using System.Text;

namespace Pipeline.Core.Search.Filtering;

internal enum ODataTokenKind
{
    End,
    Identifier,
    String,
    Literal,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Slash,
}

/// <param name="Text">The identifier or literal as written; for a string, its value with <c>''</c> unescaped.</param>
/// <param name="Position">Zero-based offset of the token's first character.</param>
/// <param name="Length">How many characters of the input the token spans.</param>
internal readonly record struct ODataToken(ODataTokenKind Kind, string Text, int Position, int Length);

/// <summary>
/// Splits filter text into tokens on demand, so the parser reports the leftmost mistake first. Identifiers include
/// dots so that function names (<c>search.in</c>) are one token; literals that start with a digit are read whole and
/// judged by the parser, which knows what type the field needs.
/// </summary>
internal sealed class ODataFilterTokenizer(string text, string parameter)
{
    private int _position;

    public ODataToken Next()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }

        if (_position >= text.Length)
        {
            return new ODataToken(ODataTokenKind.End, string.Empty, text.Length, 0);
        }

        var start = _position;
        var c = text[start];
        return c switch
        {
            '(' => Single(ODataTokenKind.OpenParen),
            ')' => Single(ODataTokenKind.CloseParen),
            ',' => Single(ODataTokenKind.Comma),
            ':' => Single(ODataTokenKind.Colon),
            '/' => Single(ODataTokenKind.Slash),
            '\'' => ReadString(),
            '"' => throw new InvalidSearchRequestException(parameter, $"Strings are written in single quotes in OData, as in 'value'; found '\"' at position {start}", start),
            _ when char.IsLetter(c) || c == '_' => Read(ODataTokenKind.Identifier, static c => char.IsLetterOrDigit(c) || c is '_' or '.'),
            _ when char.IsAsciiDigit(c) || (c is '-' or '+' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])) =>
                Read(ODataTokenKind.Literal, static c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '+' or '-'),
            _ => throw new InvalidSearchRequestException(parameter, $"Unexpected character '{c}' at position {start}", start),
        };
    }

    private ODataToken Single(ODataTokenKind kind)
    {
        var start = _position++;
        return new ODataToken(kind, text[start..(start + 1)], start, 1);
    }

    private ODataToken Read(ODataTokenKind kind, Func<char, bool> isPart)
    {
        var start = _position++;
        while (_position < text.Length && isPart(text[_position]))
        {
            _position++;
        }

        return new ODataToken(kind, text[start.._position], start, _position - start);
    }

    // A quote inside a string is written twice ('O''Brien'); that is the only escape OData has.
    private ODataToken ReadString()
    {
        var start = _position++;
        var value = new StringBuilder();
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_position < text.Length && text[_position] == '\'')
            {
                value.Append('\'');
                _position++;
            }
            else
            {
                return new ODataToken(ODataTokenKind.String, value.ToString(), start, _position - start);
            }
        }

        throw new InvalidSearchRequestException(parameter, $"Unterminated string starting at position {start}; close it with ' (write '' for a quote inside it)", start);
    }
}
