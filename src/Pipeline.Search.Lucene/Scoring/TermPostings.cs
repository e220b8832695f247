using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// One term's postings in one segment, decoded into arrays: each document with the term, how often it occurs there and
/// the field's norm, in document order. Deleted documents are included; the reader's live documents decide at search
/// time, so the arrays stay valid for the segment's lifetime.
/// </summary>
internal sealed class TermPostings
{
    private TermPostings(int[] documents, ushort[] frequencies, byte[]? norms)
    {
        Documents = documents;
        Frequencies = frequencies;
        Norms = norms;
    }

    public int[] Documents { get; }

    public ushort[] Frequencies { get; }

    /// <summary>Null when the field is indexed without norms.</summary>
    public byte[]? Norms { get; }

    /// <summary>The memory the arrays take.</summary>
    public long Bytes => Documents.LongLength * (sizeof(int) + sizeof(ushort) + (Norms is null ? 0 : sizeof(byte)));

    /// <param name="postings">The term's postings, with frequencies, not yet read.</param>
    /// <param name="norms">The field's norms; null when it has none.</param>
    /// <returns>Null when a frequency does not fit in 16 bits (a term repeated 65,536 times in one field): such a term is read from the index each time.</returns>
    public static TermPostings? Read(DocsEnum postings, NumericDocValues? norms, int documentFrequency)
    {
        var documents = new int[documentFrequency];
        var frequencies = new ushort[documentFrequency];
        var normBytes = norms is null ? null : new byte[documentFrequency];
        var count = 0;
        for (var document = postings.NextDoc(); document != DocIdSetIterator.NO_MORE_DOCS; document = postings.NextDoc())
        {
            var frequency = postings.Freq;
            if (frequency > ushort.MaxValue || count == documentFrequency)
            {
                return null;
            }

            documents[count] = document;
            frequencies[count] = (ushort)frequency;
            if (normBytes is not null)
            {
                normBytes[count] = (byte)norms!.Get(document);
            }

            count++;
        }

        return count == documentFrequency ? new TermPostings(documents, frequencies, normBytes) : null;
    }
}
