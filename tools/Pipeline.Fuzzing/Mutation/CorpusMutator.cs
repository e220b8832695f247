using System.IO.Compression;
using System.Text;

namespace Pipeline.Fuzzing.Mutation;

/// <summary>
/// Damages real files in the ways uploads get damaged (and a few ways attackers damage them). Deterministic: the same
/// seed and the same files give the same mutations, so a failure found by a soak run can be replayed.
/// </summary>
public sealed class CorpusMutator(int seed)
{
    // Huge runs stay below the HTML size limit so they reach the parsers rather than the size check.
    private const int MaxRunLength = 1024 * 1024;

    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    private static readonly string[] RunUnits = ["a", " ", "\n", "<div>", "</p>", "<b>", "[", "{", "&amp;", "\u00e9", "\U0001F600", "> ", "- ", "<!--", "\"", "\\"];

    private readonly Random _random = new(seed);

    /// <summary>Applies one randomly chosen mutation to <paramref name="content"/>; <paramref name="other"/> feeds splices.</summary>
    public MutatedContent Mutate(ReadOnlySpan<byte> content, ReadOnlySpan<byte> other)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return new MutatedContent(kind, Apply(kind, content, other));
    }

    public byte[] Apply(MutationKind kind, ReadOnlySpan<byte> content, ReadOnlySpan<byte> other) => kind switch
    {
        MutationKind.ByteFlips => FlipBytes(content),
        MutationKind.Truncation => content[.._random.Next(content.Length + 1)].ToArray(),
        MutationKind.Splice => [.. content[.._random.Next(content.Length + 1)], .. other[_random.Next(other.Length + 1)..]],
        MutationKind.EncodingSwap => SwapEncoding(content),
        MutationKind.TagDeletion => DeleteTags(content),
        MutationKind.TagDuplication => DuplicateTag(content),
        MutationKind.ControlCharacters => InsertControlCharacters(content),
        MutationKind.HugeRun => InsertRun(content),
        MutationKind.RangeDeletion => DeleteRange(content),
        MutationKind.Gzip => Compress(content),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private byte[] FlipBytes(ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var flips = 1 + _random.Next(Math.Max(1, bytes.Length / 100));
        for (var i = 0; i < flips; i++)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }

        return bytes;
    }

    private byte[] SwapEncoding(ReadOnlySpan<byte> content)
    {
        var text = Encoding.UTF8.GetString(content);
        return _random.Next(5) switch
        {
            0 => Encoding.Unicode.GetBytes(text),
            1 => Encoding.BigEndianUnicode.GetBytes(text),
            2 => Encoding.Latin1.GetBytes(text),
            3 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.Unicode.GetPreamble(), .. content],
        };
    }

    private byte[] DeleteTags(ReadOnlySpan<byte> content)
    {
        var output = new List<byte>(content.Length);
        var keepEvery = 1 + _random.Next(4);
        var tag = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'<' && tag++ % keepEvery != 0)
            {
                var end = content[i..].IndexOf((byte)'>');
                if (end >= 0)
                {
                    i += end;
                    continue;
                }
            }

            output.Add(content[i]);
        }

        return [.. output];
    }

    private byte[] DuplicateTag(ReadOnlySpan<byte> content)
    {
        var start = content.Length == 0 ? 0 : _random.Next(content.Length);
        var open = content[start..].IndexOf((byte)'<');
        if (open < 0)
        {
            return InsertRun(content);
        }

        open += start;
        var close = content[open..].IndexOf((byte)'>');
        var length = close < 0 ? content.Length - open : close + 1;
        var unit = content.Slice(open, Math.Min(length, 200));
        var times = 1 + _random.Next(Math.Max(1, 20_000 / unit.Length));
        var output = new byte[content.Length + (unit.Length * times)];
        content[..open].CopyTo(output);
        for (var i = 0; i < times; i++)
        {
            unit.CopyTo(output.AsSpan(open + (i * unit.Length)));
        }

        content[open..].CopyTo(output.AsSpan(open + (unit.Length * times)));
        return output;
    }

    private byte[] InsertControlCharacters(ReadOnlySpan<byte> content)
    {
        var output = new List<byte>(content.ToArray());
        var count = 1 + _random.Next(64);
        for (var i = 0; i < count; i++)
        {
            output.Insert(_random.Next(output.Count + 1), (byte)_random.Next(0, 32));
        }

        return [.. output];
    }

    private byte[] InsertRun(ReadOnlySpan<byte> content)
    {
        var unit = Encoding.UTF8.GetBytes(RunUnits[_random.Next(RunUnits.Length)]);
        var length = _random.Next(1024, MaxRunLength);
        var at = _random.Next(content.Length + 1);
        var output = new byte[content.Length + length - (length % unit.Length)];
        content[..at].CopyTo(output);
        var end = at;
        for (; end + unit.Length <= at + length; end += unit.Length)
        {
            unit.CopyTo(output.AsSpan(end));
        }

        content[at..].CopyTo(output.AsSpan(end));
        return output;
    }

    private byte[] DeleteRange(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return [];
        }

        var start = _random.Next(content.Length);
        var length = _random.Next(content.Length - start + 1);
        return [.. content[..start], .. content[(start + length)..]];
    }

    private byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var compressed = buffer.ToArray();
        return _random.Next(3) == 0 ? compressed[.._random.Next(compressed.Length + 1)] : compressed;
    }
}

/// <summary>A mutated file and how it was made.</summary>
public sealed record MutatedContent(MutationKind Kind, byte[] Content);
