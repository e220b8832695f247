using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>
/// Unwraps gzip-compressed uploads (<c>page.html.gz</c>, or any content starting with the gzip magic bytes) with a
/// bound on the decompressed size, so that a small "zip bomb" cannot exhaust memory.
/// </summary>
internal static class GzipContent
{
    private const int BufferSize = 81920;

    // HTML and prose compress 4 to 10 times; the bound only sizes the first buffer.
    private const int MaxExpectedRatio = 16;

    private static readonly string[] Extensions = [".gz", ".gzip"];

    public static bool IsGzip(ReadOnlySpan<byte> content) => content is [0x1F, 0x8B, ..];

    /// <summary>The decompressed source, named without its <c>.gz</c> so that the inner extension is the hint.</summary>
    /// <exception cref="NormalizationException">
    /// <see cref="NormalizationErrorCode.TooLarge"/> past <paramref name="maxBytes"/>, <see cref="NormalizationErrorCode.Malformed"/>
    /// when the stream is not valid gzip.
    /// </exception>
    public static SourceDocument Decompress(SourceDocument source, long maxBytes)
    {
        var compressed = source.Content;

        // The trailer states the uncompressed size (modulo 4 GiB): a good first capacity, but it is only trusted as far
        // as real text compresses, so that a few forged bytes cannot make us allocate the whole limit up front.
        var stated = compressed.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.Span[^4..]) : 0L;
        var capacity = Math.Min(stated, Math.Min(maxBytes, (long)compressed.Length * MaxExpectedRatio));
        using var output = new MemoryStream((int)Math.Min(capacity, Array.MaxLength));
        try
        {
            using var input = MemoryMarshal.TryGetArray(compressed, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(compressed.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new NormalizationException(
                        NormalizationErrorCode.TooLarge,
                        $"'{source.Name}' decompresses to more than {maxBytes:N0} bytes, the limit for one source.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new NormalizationException(NormalizationErrorCode.Malformed, $"'{source.Name}' is not valid gzip: {ex.Message}", ex);
        }

        // GZipStream returns what it could inflate from a cut-off stream without complaint; the trailer it never
        // reached then does not state the size that came out. (A file of several concatenated members states only the
        // last one's size; no tool writes those for single documents.)
        if (compressed.Length < 18 || stated != (uint)output.Length)
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{source.Name}' is truncated or corrupt gzip: it inflates to {output.Length:N0} bytes, its trailer states {stated:N0}.");
        }

        return source with
        {
            Name = InnerName(source.Name),
            Content = output.GetBuffer().AsMemory(0, (int)output.Length),
            ContentType = IsGzipContentType(source.ContentType) ? null : source.ContentType,
        };
    }

    private static string InnerName(string name)
    {
        foreach (var extension in Extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }

    private static bool IsGzipContentType(string? contentType) =>
        contentType is not null
        && (contentType.Contains("gzip", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase));
}
