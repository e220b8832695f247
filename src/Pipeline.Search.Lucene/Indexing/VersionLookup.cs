using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// Finds articles by id in the terms dictionary and reads their versions from doc values: no stored field is loaded,
/// so checking a hundred thousand ids costs a term seek and a few bytes each.
/// </summary>
internal static class VersionLookup
{
    /// <summary>Adds the version of each of <paramref name="ids"/> that is indexed to <paramref name="versions"/>.</summary>
    public static Dictionary<string, ArticleVersion> Read(
        IndexReader reader, IEnumerable<string> ids, Dictionary<string, ArticleVersion> versions, CancellationToken cancellationToken)
    {
        var segments = reader.Leaves
            .Select(leaf => new Segment(leaf.AtomicReader))
            .Where(segment => segment.Terms is not null)
            .ToList();
        var term = new BytesRef();
        var value = new BytesRef();
        var checkedIds = 0;
        foreach (var id in ids)
        {
            if (++checkedIds % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            term.CopyChars(id);

            // Newest segments last: an id lives in one segment at most once deletes are applied.
            foreach (var segment in segments)
            {
                if (segment.Find(term) is not { } doc)
                {
                    continue;
                }

                var values = segment.Versions
                    ?? throw new InvalidDataException($"The index has no doc values for '{IndexFieldNames.Version}'; it was not written by this version.");
                values.Get(doc, value);
                versions[id] = VersionValue.Decode(value);
                break;
            }
        }

        return versions;
    }

    private sealed class Segment(AtomicReader reader)
    {
        private DocsEnum? _docs;

        public TermsEnum? Terms { get; } = reader.GetTerms(IndexFieldNames.Id)?.GetEnumerator();

        public BinaryDocValues? Versions { get; } = reader.GetBinaryDocValues(IndexFieldNames.Version);

        /// <summary>The live document with the id, or null.</summary>
        public int? Find(BytesRef id)
        {
            if (Terms is null || !Terms.SeekExact(id))
            {
                return null;
            }

            _docs = Terms.Docs(reader.LiveDocs, _docs, DocsFlags.NONE);
            var doc = _docs.NextDoc();
            return doc == DocIdSetIterator.NO_MORE_DOCS ? null : doc;
        }
    }
}
