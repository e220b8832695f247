using System.Text;

namespace Pipeline.Bench.Extraction.Production;

/// <summary>One BBC news file: the first line is the title, a blank line, then paragraphs.</summary>
/// <param name="Text">The file decoded independently of Pipeline (UTF-8, or ISO-8859-1 when it is not valid UTF-8).</param>
internal sealed record BbcFile(string Path, string RelativeName, byte[] Bytes, string Text)
{
    public string Title
    {
        get
        {
            var text = Text.TrimStart('\uFEFF');
            var end = text.IndexOfAny(['\r', '\n']);
            return end < 0 ? text : text[..end];
        }
    }

    /// <summary>Everything after the title line, as the file has it.</summary>
    public string Body => Text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? Text[(end + 1)..].Trim() : string.Empty;
}

internal static class BbcCorpus
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every article file under <paramref name="directory"/> (the corpus README is not an article).</summary>
    public static IReadOnlyList<BbcFile> Load(string directory) =>
        Directory.EnumerateFiles(directory, "*.txt", SearchOption.AllDirectories)
            .Where(p => !string.Equals(System.IO.Path.GetFileName(p), "README.TXT", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p =>
            {
                var bytes = File.ReadAllBytes(p);
                return new BbcFile(p, System.IO.Path.GetRelativePath(directory, p).Replace('\\', '/'), bytes, Decode(bytes));
            })
            .ToList();

    private static string Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // A few files were saved as ISO-8859-1 (the £ sign is the byte 0xA3 there).
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
