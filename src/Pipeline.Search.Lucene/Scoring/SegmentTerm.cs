using Lucene.Net.Index;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// What a search needs of one term in one segment: how many documents have it, and either its postings decoded
/// (a frequent term) or where to read them (a rare one). A term the segment lacks has neither.
/// </summary>
internal sealed class SegmentTerm
{
    public static readonly SegmentTerm Absent = new(0, state: null, postings: null);

    // The entry's own objects and its place in the cache, roughly: what a kept rare or absent term costs.
    private const long EntryBytes = 200;

    private SegmentTerm(int documentFrequency, TermState? state, TermPostings? postings)
    {
        DocumentFrequency = documentFrequency;
        State = state;
        Postings = postings;
    }

    public int DocumentFrequency { get; }

    /// <summary>Where the postings are in the index; null when they are decoded or the term is absent.</summary>
    public TermState? State { get; }

    public TermPostings? Postings { get; }

    public long Bytes => EntryBytes + (Postings?.Bytes ?? 0);

    public static SegmentTerm Decoded(TermPostings postings) => new(postings.Documents.Length, state: null, postings);

    public static SegmentTerm InIndex(int documentFrequency, TermState state) => new(documentFrequency, state, postings: null);
}
