using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>What a result list shows about one hit, read from doc values rather than stored fields.</summary>
internal sealed record HitValues(
    string Id,
    ResultSummary Summary,
    DateTimeOffset? Published,
    string? Language,
    string? Source,
    string? SiteName,
    string? Format)
{
    /// <param name="reader">The top-level reader the hit's document number belongs to.</param>
    public static HitValues Read(IndexReader reader, int docId)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var segment = leaf.AtomicReader;
        var localDocId = docId - leaf.DocBase;

        var bytes = new BytesRef();
        Values(segment.GetSortedDocValues(IndexFieldNames.Id), IndexFieldNames.Id).Get(localDocId, bytes);
        var id = bytes.Utf8ToString();

        Values(segment.GetBinaryDocValues(IndexFieldNames.Summary), IndexFieldNames.Summary).Get(localDocId, bytes);
        var summary = ResultSummary.Decode(bytes);

        return new HitValues(
            id,
            summary,
            ReadPublished(segment, localDocId),
            ReadExact(segment, IndexFieldNames.Language, localDocId),
            ReadExact(segment, IndexFieldNames.Source, localDocId),
            ReadExact(segment, IndexFieldNames.SiteName, localDocId),
            ReadExact(segment, IndexFieldNames.Format, localDocId));
    }

    public static DateTimeOffset? ReadPublished(AtomicReader segment, int localDocId)
    {
        var withDate = segment.GetDocsWithField(IndexFieldNames.Published);
        if (withDate is null || !withDate.Get(localDocId))
        {
            return null;
        }

        return new DateTimeOffset(segment.GetNumericDocValues(IndexFieldNames.Published).Get(localDocId), TimeSpan.Zero);
    }

    // A segment where no article has the field has no doc values for it at all.
    private static string? ReadExact(AtomicReader segment, string field, int localDocId)
    {
        var values = segment.GetSortedDocValues(field);
        var ord = values?.GetOrd(localDocId) ?? -1;
        if (ord < 0)
        {
            return null;
        }

        var bytes = new BytesRef();
        values!.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }

    private static T Values<T>(T? values, string field)
        where T : class =>
        values ?? throw new InvalidDataException($"The index has no doc values for '{field}'; it was not written by this version.");
}
