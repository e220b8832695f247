using System.Text;
using Lucene.Net.Util;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// The title and authors of an article, packed into one binary doc value. Result lists read it per hit instead of
/// stored fields, which are far slower to load (decompressing whole blocks of documents).
/// </summary>
internal sealed record ResultSummary(string Title, IReadOnlyList<string> Authors)
{
    /// <summary>Numeric doc value for articles without a publication time; the lowest value sorts them last when newest come first.</summary>
    public const long NoPublishedDate = long.MinValue;

    // Doc values are for display, not the record of truth (GetAsync reads the stored JSON), so runaway
    // titles or author lists from a bad source are cut rather than allowed to bloat every segment.
    private const int MaxTitleLength = 1_000;
    private const int MaxAuthors = 32;
    private const byte FormatVersion = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public BytesRef Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Title.Length <= MaxTitleLength ? Title : Title[..MaxTitleLength]);
            var authors = Authors.Take(MaxAuthors).ToList();
            writer.Write7BitEncodedInt(authors.Count);
            foreach (var author in authors)
            {
                writer.Write(author);
            }
        }

        return new BytesRef(buffer.ToArray());
    }

    public static ResultSummary Decode(BytesRef bytes)
    {
        using var buffer = new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length, writable: false);
        using var reader = new BinaryReader(buffer, Utf8);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unknown result summary format {version}; the index was written by a newer version.");
        }

        var title = reader.ReadString();
        var count = reader.Read7BitEncodedInt();
        var authors = new string[count];
        for (var i = 0; i < count; i++)
        {
            authors[i] = reader.ReadString();
        }

        return new ResultSummary(title, authors);
    }

    public static long ToPublishedValue(DateTimeOffset? published) => published?.UtcTicks ?? NoPublishedDate;

    public static DateTimeOffset? FromPublishedValue(long value) =>
        value == NoPublishedDate ? null : new DateTimeOffset(value, TimeSpan.Zero);
}
