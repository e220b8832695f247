using System.Text;
using Lucene.Net.Util;
using Pipeline.Core.Articles;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// What a result list or a related-articles list shows of an article, packed into one binary doc value. Hits read it
/// instead of stored fields, which are far slower to load (decompressing whole blocks of documents). Lists keep the
/// article's order here, which sorted-set doc values would not.
/// </summary>
internal sealed record ResultSummary(
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    string? LeadSummary,
    IReadOnlyList<string> Keyphrases,
    string? Fingerprint)
{
    // Doc values are for display, not the record of truth (GetAsync reads the stored JSON), so runaway
    // values from a bad source are cut rather than allowed to bloat every segment.
    private const int MaxTextLength = 1_000;
    private const int MaxListLength = 32;
    private const byte FormatVersion = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static ResultSummary Of(Article article) =>
        new(article.Title, article.Authors, article.Tags, article.Summary, article.Keyphrases, article.Fingerprint);

    public BytesRef Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Cut(Title));
            WriteList(writer, Authors);
            WriteList(writer, Tags);
            WriteOptional(writer, LeadSummary);
            WriteList(writer, Keyphrases);
            WriteOptional(writer, Fingerprint);
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
            throw new InvalidDataException($"Unknown result summary format {version}; the index was written by another version.");
        }

        return new ResultSummary(
            reader.ReadString(),
            ReadList(reader),
            ReadList(reader),
            ReadOptional(reader),
            ReadList(reader),
            ReadOptional(reader));
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        var kept = values.Take(MaxListLength).ToList();
        writer.Write7BitEncodedInt(kept.Count);
        foreach (var value in kept)
        {
            writer.Write(Cut(value));
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(Cut(value));
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var values = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
