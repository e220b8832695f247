using System.Text;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>
/// Recognises JSON: text that opens with <c>{</c> or <c>[</c> and parses as one JSON value. Broken JSON still counts
/// when it is clearly meant as JSON (it is only too deep, it is named or typed as JSON, or it opens an object with a
/// quoted key), so the JSON normalizer can say what is wrong with it instead of it being read as prose.
/// </summary>
internal static class JsonSignature
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = JsonNormalizerOptions.DefaultMaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static bool Matches(ReadOnlySpan<byte> content, ReadOnlySpan<char> sample, ArticleFormat? hint)
    {
        var start = sample.TrimStart();
        if (start.IsEmpty || start[0] is not ('{' or '['))
        {
            return false;
        }

        var validity = Validate(content);
        if (validity is Validity.Valid or Validity.TooDeep || hint == ArticleFormat.Json)
        {
            return true;
        }

        if (hint is not null)
        {
            return false;
        }

        // "{"key"..." or "[{..." is a JSON export cut short or hand-edited wrong; "[Updated] Title" is prose.
        var next = start[1..].TrimStart();
        return !next.IsEmpty && (start[0] == '{' ? next[0] is '"' or '}' : next[0] is '{' or '[');
    }

    private static Validity Validate(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ValidateUtf8(content[3..]);
        }

        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            // UTF-16 and UTF-32 behind a byte order mark: the reader only takes UTF-8.
            var text = TextDecoder.Decode(content)?.Text;
            return text is null ? Validity.Invalid : ValidateUtf8(Encoding.UTF8.GetBytes(text));
        }

        return ValidateUtf8(content);
    }

    private static Validity ValidateUtf8(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }

            return Validity.Valid;
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= JsonNormalizerOptions.DefaultMaxDepth ? Validity.TooDeep : Validity.Invalid;
        }
    }

    private enum Validity
    {
        Valid,
        TooDeep,
        Invalid,
    }
}
