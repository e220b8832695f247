using Lucene.Net.Util;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// An article's source version packed into one binary doc value, so version checks for every blob at start read a
/// few bytes per article instead of loading and parsing its stored JSON.
/// </summary>
internal static class VersionValue
{
    private const byte FormatVersion = 1;

    public static BytesRef Encode(ArticleOrigin source)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(source.ETag is not null);
            writer.Write(source.ETag ?? string.Empty);
            writer.Write(source.LastModified is not null);
            writer.Write(source.LastModified?.UtcTicks ?? 0);
            writer.Write((short)(source.LastModified?.Offset.TotalMinutes ?? 0));
        }

        return new BytesRef(buffer.ToArray());
    }

    public static ArticleVersion Decode(BytesRef bytes)
    {
        using var buffer = new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length, writable: false);
        using var reader = new BinaryReader(buffer, System.Text.Encoding.UTF8);
        var format = reader.ReadByte();
        if (format != FormatVersion)
        {
            throw new InvalidDataException($"Unknown version value format {format}; the index was written by another version.");
        }

        var hasETag = reader.ReadBoolean();
        var etag = reader.ReadString();
        var hasModified = reader.ReadBoolean();
        var ticks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new ArticleVersion(
            hasETag ? etag : null,
            hasModified ? new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset) : null);
    }
}
