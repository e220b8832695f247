using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// A 64-bit SimHash (Charikar, 2002) of an article's body, as 16 lower-case hex digits: texts that share most of their
/// word sequences get fingerprints that differ in few bits (<see cref="NearDuplicate"/>), so the same story uploaded
/// twice under different names, retitled or lightly edited, is recognised without comparing it to every other text.
/// </summary>
/// <remarks>
/// The features are overlapping three-word shingles of the lower-cased words (<see cref="WordScanner"/>; each Chinese or
/// Japanese character counts as a word), each hashed with XxHash64. The title is left out on purpose: a retitled copy
/// of a story is still the same story. On the BBC corpus, which holds several stories in more than one version, a new
/// headline over the same text is 0 bits from the original, a corrected typo 2, a shortened sentence 7, and every pair
/// closer than 13 bits is two versions of one story; different stories are never closer than 13 bits.
/// </remarks>
public static class ContentFingerprint
{
    public const int ShingleWords = 3;

    /// <summary>The fingerprint of a text with no words.</summary>
    public const string Empty = "0000000000000000";

    public static string Compute(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var words = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var scanner = new WordScanner(paragraph);
            while (scanner.MoveNext())
            {
                words.Add(scanner.Current.ToString().ToLowerInvariant().Replace('’', '\''));
            }
        }

        return ToHex(SimHash(words));
    }

    private static ulong SimHash(List<string> words)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> votes = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleWords + 1);
        var encoder = new ShingleEncoder();
        for (var start = 0; start < shingles; start++)
        {
            var hash = XxHash64.HashToUInt64(encoder.Shingle(words, start, Math.Min(ShingleWords, words.Count)));
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += (hash & (1UL << bit)) != 0 ? 1 : -1;
            }
        }

        var fingerprint = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    internal static string ToHex(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Reuses one byte buffer for the UTF-8 of every shingle ("w1 w2 w3").</summary>
    private sealed class ShingleEncoder
    {
        private byte[] _bytes = new byte[256];

        public ReadOnlySpan<byte> Shingle(List<string> words, int start, int count)
        {
            var length = 0;
            for (var i = start; i < start + count; i++)
            {
                var word = words[i];
                var needed = length + 1 + Encoding.UTF8.GetMaxByteCount(word.Length);
                if (needed > _bytes.Length)
                {
                    Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
                }

                if (i > start)
                {
                    _bytes[length++] = (byte)' ';
                }

                length += Encoding.UTF8.GetBytes(word, _bytes.AsSpan(length));
            }

            return _bytes.AsSpan(0, length);
        }
    }
}
