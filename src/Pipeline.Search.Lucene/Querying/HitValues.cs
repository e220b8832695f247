using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>What a result list shows about one hit, read from doc values rather than stored fields.</summary>
internal sealed record HitValues(string Id, ResultSummary Summary, DateTimeOffset? Published)
{
    /// <param name="reader">The top-level reader the hit's document number belongs to.</param>
    public static HitValues Read(IndexReader reader, int docId)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var segment = leaf.AtomicReader;
        var localDocId = docId - leaf.DocBase;

        var bytes = new BytesRef();
        Values(segment.GetSortedDocValues(ArticleFields.Id), ArticleFields.Id).Get(localDocId, bytes);
        var id = bytes.Utf8ToString();

        Values(segment.GetBinaryDocValues(ArticleFields.Summary), ArticleFields.Summary).Get(localDocId, bytes);
        var summary = ResultSummary.Decode(bytes);

        var published = Values(segment.GetNumericDocValues(ArticleFields.Published), ArticleFields.Published).Get(localDocId);
        return new HitValues(id, summary, ResultSummary.FromPublishedValue(published));
    }

    private static T Values<T>(T? values, string field)
        where T : class =>
        values ?? throw new InvalidDataException($"The index has no doc values for '{field}'; it was not written by this version.");
}
