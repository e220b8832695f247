using System.IO.Compression;
using System.Text;
using Pipeline.Core.Normalization;

namespace Pipeline.Fuzzing.Hostile;

/// <summary>
/// The hostile inputs ingest must survive, generated deterministically: nothing binary is kept in the repository.
/// <see cref="Small"/> inputs are a few kilobytes to a few megabytes; <see cref="Large"/> ones (tens of megabytes, a
/// gzip bomb) are generated only when asked for.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Size of the single-line inputs in <see cref="Large"/>.</summary>
    public const int OneLinerBytes = 50 * 1024 * 1024;

    /// <summary>Nesting depth of the deeply nested inputs.</summary>
    public const int Depth = 100_000;

    private const string ArticleTitle = "Harbour Council Approves New Sea Wall";

    // A plain-text article the normalizer accepts as it is; hostile variants are made from it.
    private static readonly string ArticleText =
        ArticleTitle + "\n\n" +
        "The harbour council voted on Tuesday to build a new sea wall along the old quay, after two winters of flooding.\n\n" +
        "Engineers said the café on the front and the fishermen’s huts would be protected first, at a cost of £4.2m.\n\n" +
        "Work is expected to start in the spring and to last eighteen months, the council’s chair, Zoë Müller, said.\n";

    /// <summary>A short plain-text article that normalizes cleanly; hostile variants are made from it.</summary>
    public static byte[] PlainArticle => Utf8(ArticleText);

    public static IReadOnlyList<HostileInput> Small { get; } =
    [
        // Nothing there.
        Rejected("empty.txt", "no bytes at all", NormalizationErrorCode.Empty, () => []),
        Rejected("whitespace.txt", "whitespace only", NormalizationErrorCode.Empty, () => " \t\r\n \n\u000B\f  \n"u8.ToArray()),
        Rejected("bom-only.txt", "a UTF-8 byte order mark and nothing else", NormalizationErrorCode.Empty, () => [0xEF, 0xBB, 0xBF]),
        Rejected("utf16-bom-only.txt", "a UTF-16 byte order mark and nothing else", NormalizationErrorCode.Empty, () => [0xFF, 0xFE]),
        Rejected("whitespace.html", "an HTML file of whitespace", NormalizationErrorCode.Empty, () => Ascii(new string(' ', 4096))),
        Rejected("whitespace.json", "a JSON file of whitespace", NormalizationErrorCode.Empty, () => "\n\n   \n"u8.ToArray()),

        // Not text.
        Rejected("noise.bin", "random bytes", NormalizationErrorCode.Binary, () => RandomBytes(seed: 1, 64 * 1024)),
        Rejected("noise.txt", "random bytes named .txt", NormalizationErrorCode.Binary, () => RandomBytes(seed: 2, 4096)),
        Rejected("report.pdf", "a PDF", NormalizationErrorCode.Binary, Pdf),
        Rejected("report.txt", "a PDF named .txt", NormalizationErrorCode.Binary, Pdf),
        Rejected("archive.zip", "a ZIP archive holding an article", NormalizationErrorCode.Binary, Zip),
        Rejected("archive.html", "a ZIP archive named .html", NormalizationErrorCode.Binary, Zip),
        Rejected("photo.png", "a PNG image", NormalizationErrorCode.Binary, Png),
        Rejected("photo.jpg", "a JPEG image", NormalizationErrorCode.Binary, Jpeg),
        Rejected("photo.md", "a JPEG image named .md", NormalizationErrorCode.Binary, Jpeg),
        Rejected("anim.gif", "a GIF image", NormalizationErrorCode.Binary, () => [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0, 0x3B]),
        Rejected("nul.txt", "NUL bytes", NormalizationErrorCode.Binary, () => new byte[8192]),
        Rejected("control.txt", "control characters only", NormalizationErrorCode.Binary, () => [.. Enumerable.Range(0, 4096).Select(i => (byte)(1 + (i % 8)))]),
        Rejected("nul-in-text.txt", "an article with NUL bytes sprinkled through it", NormalizationErrorCode.Binary, () => Sprinkle(Utf8(ArticleText), 0, every: 7)),

        // Text in unexpected encodings.
        Accepted("truncated-utf8.txt", "UTF-8 cut in the middle of a multi-byte character", () => Utf8(ArticleText + "Le café")[..^1]),
        Accepted("invalid-utf8.txt", "UTF-8 with stray continuation bytes and overlong forms", () => [.. Utf8(ArticleText), 0x80, 0xBF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. "\nEnd of story.\n"u8]),
        Accepted("utf16le-no-bom.txt", "UTF-16 LE without a byte order mark", () => Encoding.Unicode.GetBytes(ArticleText)),
        Accepted("utf16be-no-bom.txt", "UTF-16 BE without a byte order mark", () => Encoding.BigEndianUnicode.GetBytes(ArticleText)),
        Accepted("utf16le-bom.txt", "UTF-16 LE with a byte order mark", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ArticleText)]),
        Accepted("utf32-bom.txt", "UTF-32 LE with a byte order mark", () => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(ArticleText)]),
        Accepted("latin1.txt", "Windows-1252 text", () => Encoding.Latin1.GetBytes(ArticleText.Replace('’', '\''))),
        Accepted("odd-unicode.txt", "right-to-left marks, zero-width characters, combining marks and emoji", OddUnicodeArticle),

        // Markup that is not what it claims, or built to be expensive.
        Rejected("deep.html", $"{Depth:N0} nested <div> elements", NormalizationErrorCode.Malformed, () => Ascii(Repeat("<div>", Depth) + "<p>deep</p>")),
        Rejected("deep-unclosed.html", $"{Depth:N0} unclosed <b> elements after a title", NormalizationErrorCode.Malformed, () => Ascii("<html><head><title>Deep</title></head><body>" + Repeat("<b>", Depth) + "text")),
        Accepted("billion-laughs.html", "billion-laughs entity definitions in a doctype", () => Utf8(BillionLaughs("html", $"<head><title>{ArticleTitle}</title></head><body><article><h1>{ArticleTitle}</h1><p>&lol9;</p>{Paragraphs()}</article></body>"))),
        Rejected("billion-laughs.xml", "a billion-laughs XML document", NormalizationErrorCode.UnsupportedFormat, () => Utf8("<?xml version=\"1.0\"?>\n" + BillionLaughs("lolz", "&lol9;"))),
        Rejected("entities.html", "a million named and numeric character references", NormalizationErrorCode.NoText, () => Ascii("<html><body><p>" + Repeat("&amp;&lt;&#x1F600;&#0;&#xD800;", 200_000) + "</p></body></html>")),
        Rejected("open-comment.html", "a comment that never closes", NormalizationErrorCode.NoText, () => Ascii("<html><body><!--" + Repeat("<p>hidden</p>", 50_000))),
        Rejected("script-only.html", "a page that is one huge script", NormalizationErrorCode.NoText, () => Ascii("<html><head><title>x</title><script>" + Repeat("var a=1;", 200_000) + "</script></head><body></body></html>")),
        Rejected("many-elements.html", "more elements than any article page", NormalizationErrorCode.TooLarge, () => Ascii("<html><body>" + Repeat("<span>a</span>", 60_000) + "</body></html>")),
        Rejected("deep-quote.md", $"{Depth:N0} nested block quotes", NormalizationErrorCode.Malformed, () => Ascii("# Title\n\n" + new string('>', Depth) + " deep\n")),
        Rejected("deep-list.md", "10,000 lists nested on one line", NormalizationErrorCode.Malformed, () => Ascii("# Title\n\n" + Repeat("- ", 10_000) + "item\n")),
        Rejected("deep-brackets.md", $"{Depth:N0} nested link brackets", NormalizationErrorCode.Malformed, () => Ascii("# Title\n\n" + Repeat("[", Depth) + "x" + Repeat("](u)", Depth) + "\n")),
        Accepted("yaml-aliases.md", "front matter with billion-laughs YAML aliases", () => Utf8(YamlLaughs() + "# " + ArticleTitle + "\n\n" + Paragraphs())),
        Rejected("yaml-bad.md", "front matter that is not YAML", NormalizationErrorCode.Malformed, () => Utf8("---\ntitle: [unclosed\n  - : : :\n---\n# " + ArticleTitle + "\n\n" + Paragraphs())),

        // JSON that is broken, deep or of the wrong shape.
        Rejected("truncated.json", "JSON cut off in the middle", NormalizationErrorCode.Malformed, () => Utf8("{\"title\": \"" + ArticleTitle + "\", \"body\": \"The harbour")),
        Rejected("trailing.json", "JSON followed by garbage", NormalizationErrorCode.Malformed, () => Utf8("{\"title\": \"x\", \"body\": \"y\"} }}}")),
        Rejected("deep-array.json", $"{Depth:N0} nested arrays", NormalizationErrorCode.Malformed, () => Ascii(Repeat("[", Depth) + Repeat("]", Depth))),
        Rejected("deep-object.json", $"{Depth:N0} nested objects", NormalizationErrorCode.Malformed, () => Ascii(Repeat("{\"a\":", Depth) + "1" + Repeat("}", Depth))),
        Rejected("title-number.json", "a title that is a number", NormalizationErrorCode.Malformed, () => Utf8("{\"title\": 42, \"body\": \"" + ArticleText.Replace("\n", "\\n") + "\"}")),
        Rejected("body-object.json", "a body that is an object", NormalizationErrorCode.Malformed, () => Utf8("{\"title\": \"" + ArticleTitle + "\", \"body\": {\"text\": {\"deeper\": true}}}")),
        Rejected("nulls.json", "every field null", NormalizationErrorCode.NoText, () => "{\"title\": null, \"body\": null, \"authors\": null}"u8.ToArray()),
        Rejected("scalar.json", "a bare JSON string", NormalizationErrorCode.NoText, () => "\"just a string\""u8.ToArray()),
        Rejected("numbers.json", "an array of numbers", NormalizationErrorCode.Malformed, () => "[1, 2, 3e400, -0, 1.5]"u8.ToArray()),
        Rejected("empty-array.json", "an empty array", NormalizationErrorCode.NoText, () => "[]"u8.ToArray()),
        Rejected("duplicate-keys.json", "the same key many times", NormalizationErrorCode.NoText, () => Ascii("{" + string.Join(",", Enumerable.Repeat("\"title\": \"x\"", 10_000)) + "}")),
        Rejected("wrong-types.json", "authors, tags and dates of the wrong types around a good title and body", NormalizationErrorCode.Malformed, WrongTypesJson),
        Rejected("bad-escapes.json", "invalid escapes and a lone surrogate", NormalizationErrorCode.Malformed, () => Utf8("{\"title\": \"\\uD800\\q\", \"body\": \"x\"}")),
        Rejected("gzip-truncated.html.gz", "gzip cut off in the middle", NormalizationErrorCode.Malformed, () => Gzip(Utf8(ArticleText))[..20]),
        Rejected("gzip-twice.txt.gz", "gzip inside gzip", NormalizationErrorCode.UnsupportedFormat, () => Gzip(Gzip(Utf8(ArticleText)))),
    ];

    /// <summary>Inputs of tens of megabytes, generated when enumerated; use each one and let it go.</summary>
    public static IEnumerable<HostileInput> Large
    {
        get
        {
            yield return Rejected("one-line.txt", "a 50 MB single line of words", NormalizationErrorCode.NoTitle, () => OneLiner("word "u8));
            yield return Rejected("one-line.html", "a 50 MB single-line HTML page", NormalizationErrorCode.TooLarge, () => OneLiner("<p>a</p>"u8));
            yield return Rejected("one-line.json", "a 50 MB single-line JSON string", NormalizationErrorCode.NoTitle, () => OneLinerJson());
            yield return Rejected("one-line-letter.txt", "a 50 MB line of one repeated letter", NormalizationErrorCode.NoTitle, () => OneLiner("a"u8));
            yield return Rejected("bomb.txt.gz", "gzip that expands past the source limit", NormalizationErrorCode.TooLarge, GzipBomb);
        }
    }

    private static HostileInput Accepted(string name, string description, Func<byte[]> generate) =>
        new(name, description, ExpectedOutcome.Article, generate);

    private static HostileInput Rejected(string name, string description, NormalizationErrorCode reason, Func<byte[]> generate) =>
        new(name, description, ExpectedOutcome.Rejected(reason), generate);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Paragraphs() =>
        string.Concat(ArticleText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(p => $"<p>{p.Trim()}</p>"));

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Sprinkle(byte[] bytes, byte value, int every)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < copy.Length; i += every)
        {
            copy[i] = value;
        }

        return copy;
    }

    // A minimal PDF: header, a page object holding text, and a trailer. Readers open it; ingest must not.
    private static byte[] Pdf() => Ascii(
        "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n" +
        $"4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 712 Td ({ArticleTitle}) Tj ET\nendstream endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var article = archive.CreateEntry("article.txt");
            article.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var entry = article.Open();
            entry.Write(Utf8(ArticleText));
        }

        return buffer.ToArray();
    }

    // A PNG signature and IHDR chunk followed by deterministic noise standing in for image data.
    private static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x91, 0x68, 0x36,
        .. RandomBytes(seed: 3, 2048),
    ];

    private static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00,
        .. RandomBytes(seed: 4, 2048),
        0xFF, 0xD9,
    ];

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] GzipBomb()
    {
        // 256 MiB of spaces compress to a few hundred kilobytes; the default limit for one source is 200 MiB.
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = 0; i < 256; i++)
            {
                gzip.Write(chunk);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] OneLiner(ReadOnlySpan<byte> unit)
    {
        var bytes = new byte[OneLinerBytes];
        for (var offset = 0; offset < bytes.Length; offset += unit.Length)
        {
            unit[..Math.Min(unit.Length, bytes.Length - offset)].CopyTo(bytes.AsSpan(offset));
        }

        return bytes;
    }

    private static byte[] OneLinerJson()
    {
        var bytes = OneLiner("x"u8);
        "{\"body\": \""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(bytes.Length - 2));
        return bytes;
    }

    private static string BillionLaughs(string root, string content)
    {
        var doctype = new StringBuilder($"<!DOCTYPE {root} [\n  <!ENTITY lol \"lol\">\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = level == 1 ? "lol" : $"lol{level - 1}";
            doctype.Append($"  <!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">\n");
        }

        return doctype.Append($"]>\n<{root}>{content}</{root}>\n").ToString();
    }

    private static string YamlLaughs()
    {
        var yaml = new StringBuilder("---\ntitle: " + ArticleTitle + "\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        for (var name = 'b'; name <= 'i'; name++)
        {
            yaml.Append($"{name}: &{name} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
            previous = name;
        }

        return yaml.Append("tags: *i\n---\n").ToString();
    }

    private static byte[] OddUnicodeArticle() => Utf8(
        "\u202EHarbour\u200B Council\u200D Approves\uFEFF New Sea Wall \U0001F30A\n\n" +
        "The harbour council voted on Tuesday\u200F to build a new sea wall along the old quay, after two winters of flooding. \U0001F3D7\uFE0F\n\n" +
        "Engineers said the cafe\u0301 (NFD) and the café (NFC) on the front would be protected first.\u2028 A line separator, a paragraph separator\u2029 too.\n\n" +
        "Work is expected to start in the spring, the chair said: \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \U0001F468\u200D\U0001F469\u200D\U0001F467.\n");

    private static byte[] WrongTypesJson() => Utf8(
        "{\"title\": \"" + ArticleTitle + "\", \"body\": \"" + ArticleText.Replace("\n", "\\n") + "\", " +
        "\"authors\": [1, {\"name\": {\"first\": true}}, null, [\"x\"]], \"tags\": {\"a\": 1}, \"published\": [2024], " +
        "\"datePublished\": {\"year\": 2024}, \"url\": 7, \"language\": false, \"related\": \"not a list\"}");
}
