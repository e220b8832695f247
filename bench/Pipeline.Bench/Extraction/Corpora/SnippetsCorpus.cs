using System.IO.Compression;
using System.Text.Json;

namespace Pipeline.Bench.Extraction.Corpora;

/// <summary>
/// The snippet-annotated pages (<c>corpora/snippets</c>): each page with snippets that belong to the article and
/// boilerplate snippets that must not appear. Pages are gzip-compressed; they are read into memory once.
/// </summary>
internal static class SnippetsCorpus
{
    public static IReadOnlyList<SnippetsCase> Load(string corpusDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpusDirectory, "annotations.json")));
        var cases = new List<SnippetsCase>();
        foreach (var page in json.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var path = Path.Combine(corpusDirectory, "pages", page.Name + ".html.gz");
            if (!File.Exists(path))
            {
                continue;
            }

            var url = page.Value.GetProperty("url").GetString()!.Trim();
            cases.Add(new SnippetsCase(
                page.Name,
                path,
                Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost/"),
                [.. page.Value.GetProperty("with").EnumerateArray().Select(s => s.GetString()!)],
                [.. page.Value.GetProperty("without").EnumerateArray().Select(s => s.GetString()!)]));
        }

        return cases;
    }

    public static byte[] ReadPage(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <param name="Name">The page id: the first 16 hex digits of the SHA-256 of its URL.</param>
/// <param name="With">Snippets of the article, which the extraction must contain.</param>
/// <param name="Without">Snippets of boilerplate, which it must not.</param>
internal sealed record SnippetsCase(string Name, string SourcePath, Uri Url, IReadOnlyList<string> With, IReadOnlyList<string> Without)
{
    /// <summary>
    /// The fixed tuning split: pages whose id ends in an even hex digit were looked at while tuning the extractor; the
    /// others are the held-out half.
    /// </summary>
    public bool IsTuning => Convert.ToInt32(Name[^1].ToString(), 16) % 2 == 0;
}
