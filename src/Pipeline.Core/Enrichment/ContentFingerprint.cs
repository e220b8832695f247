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

        // Every word's lower-cased UTF-8 is written once into one buffer; a shingle is then the bytes of three
        // consecutive words joined by spaces. This is the hash input of the plain version (words as strings, each
        // shingle encoded anew) without a string per word or an encoding per shingle.
        var words = new WordBytes();
        Span<char> lower = stackalloc char[64];
        foreach (var paragraph in paragraphs)
        {
            var scanner = new WordScanner(paragraph);
            while (scanner.MoveNext())
            {
                var word = scanner.Current;
                var buffer = word.Length <= lower.Length ? lower : new char[word.Length];
                var length = word.ToLowerInvariant(buffer);
                var lowered = buffer[..length];
                lowered.Replace('’', '\'');
                words.Add(lowered);
            }
        }

        return ToHex(SimHash(words));
    }

    private static ulong SimHash(WordBytes words)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> votes = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleWords + 1);
        var count = Math.Min(ShingleWords, words.Count);
        var shingle = new byte[256];
        for (var start = 0; start < shingles; start++)
        {
            var length = words.Join(start, count, ref shingle);
            var hash = XxHash64.HashToUInt64(shingle.AsSpan(0, length));
            for (var bit = 0; bit < 64; bit++)
            {
                // +1 for a set bit, -1 for a clear one, without a branch.
                votes[bit] += (int)((hash >> bit) & 1) * 2 - 1;
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

    /// <summary>The UTF-8 of every word, one after another, with where each starts.</summary>
    private sealed class WordBytes
    {
        private readonly List<int> _starts = [0];
        private byte[] _bytes = new byte[4096];

        public int Count => _starts.Count - 1;

        public void Add(ReadOnlySpan<char> word)
        {
            var end = _starts[^1];
            var needed = end + Encoding.UTF8.GetMaxByteCount(word.Length);
            if (needed > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
            }

            _starts.Add(end + Encoding.UTF8.GetBytes(word, _bytes.AsSpan(end)));
        }

        /// <summary>Writes words <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1, space-separated, into <paramref name="target"/>.</summary>
        public int Join(int start, int count, ref byte[] target)
        {
            var needed = _starts[start + count] - _starts[start] + count;
            if (needed > target.Length)
            {
                target = new byte[Math.Max(needed, target.Length * 2)];
            }

            var length = 0;
            for (var i = start; i < start + count; i++)
            {
                if (i > start)
                {
                    target[length++] = (byte)' ';
                }

                var word = _bytes.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);
                word.CopyTo(target.AsSpan(length));
                length += word.Length;
            }

            return length;
        }
    }
}
