using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Cli.Normalize;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline normalize</c> prints what ingest would make of each file, one JSON line per article, and an error
/// line for each file that fails, without stopping.
/// </summary>
public sealed class NormalizeCommandTests
{
    private const string Post = """
        ---
        title: Harbour reopens after storm
        author: Ines Moreau
        date: 2024-03-05T08:00:00+01:00
        tags: [harbour, storm]
        ---
        Ships returned to the harbour on Friday, five days after the storm closed it.

        ## Repairs

        Engineers rebuilt the damaged section of the sea wall.

        ## Related

        - [How the storm hit the coast](https://news.example.com/storm)
        """;

    [Fact]
    public async Task Prints_one_json_line_with_the_article_for_a_file()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("harbour.md", Post);

        var run = await CliRun.RunAsync("normalize", path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal(path, line.GetProperty("source").GetString());
        Assert.Equal("markdown", line.GetProperty("format").GetString());
        Assert.Equal("Harbour reopens after storm", line.GetProperty("title").GetString());
        Assert.Equal(["Ines Moreau"], line.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.FromHours(1)), line.GetProperty("published").GetDateTimeOffset());
        Assert.Equal(
            "Ships returned to the harbour on Friday, five days after the storm closed it.\n\nRepairs\n\nEngineers rebuilt the damaged section of the sea wall.",
            line.GetProperty("text").GetString());
        Assert.Equal("Repairs", line.GetProperty("sections")[1].GetProperty("heading").GetString());
        Assert.Equal("https://news.example.com/storm", line.GetProperty("related")[0].GetProperty("url").GetString());
        Assert.Equal(["harbour", "storm"], line.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("harbour-", line.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_each_line_with_source_and_the_fields_a_reader_checks_first()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("harbour.md", Post);

        var run = await CliRun.RunAsync("normalize", path);

        var names = Assert.Single(run.Lines).EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["source", "format", "id", "title", "authors", "published", "text", "sections", "related"], names.Take(9));
        Assert.DoesNotContain("body", names);
        Assert.DoesNotContain("ingestedAt", names);
        Assert.Contains("wordCount", names);
        Assert.Contains("language", names);
    }

    [Fact]
    public async Task Prints_one_line_per_article_of_a_json_array()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("briefings.json", """[{"title": "Morning", "body": "Markets opened higher."}, {"title": "Evening", "body": "Markets closed lower."}]""");

        var run = await CliRun.RunAsync("normalize", path);

        Assert.Equal(["Morning", "Evening"], run.Lines.Select(l => l.GetProperty("title").GetString()));
        Assert.All(run.Lines, line => Assert.Equal(path, line.GetProperty("source").GetString()));
        Assert.Equal(2, run.Lines.Select(l => l.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Walks_folders_recursively_in_sorted_order_skipping_hidden_files()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("b/z.txt", "Zulu\n\nLast story.");
        folder.Write("a.txt", "Alpha\n\nFirst story.");
        folder.Write("b/a.md", "# Bravo\n\nSecond story.");
        folder.Write(".hidden/secret.txt", "Hidden\n\nNot shown.");
        folder.Write("c/.DS_Store", "junk");

        var run = await CliRun.RunAsync("normalize", folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["Alpha", "Bravo", "Zulu"], run.Lines.Select(l => l.GetProperty("title").GetString()));
        Assert.Equal(
            [Path.Combine(folder.Path, "a.txt"), Path.Combine(folder.Path, "b", "a.md"), Path.Combine(folder.Path, "b", "z.txt")],
            run.Lines.Select(l => l.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Gives_files_in_folders_the_ids_ingest_gives_their_blobs()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("world/harbour.md", Post);

        var run = await CliRun.RunAsync("normalize", folder.Path);

        Assert.Equal(Core.Articles.ArticleId.FromBlobName("world/harbour.md"), Assert.Single(run.Lines).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Prints_an_error_line_for_a_bad_file_and_goes_on_with_the_next()
    {
        using var folder = new TemporaryDirectory();
        var bad = folder.Write("1-bad.json", """{"title": 42, "body": "Text."}""");
        var empty = folder.Write("2-empty.txt", "");
        var good = folder.Write("3-good.txt", "Council approves budget\n\nThe council approved the budget on Monday.");

        var run = await CliRun.RunAsync("normalize", folder.Path);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(3, run.Lines.Count);
        AssertError(run.Lines[0], bad, "malformed", "'1-bad.json': \"title\" must be a string, not a number (42).");
        AssertError(run.Lines[1], empty, "empty", "'2-empty.txt' is empty.");
        Assert.Equal(good, run.Lines[2].GetProperty("source").GetString());
        Assert.Equal("Council approves budget", run.Lines[2].GetProperty("title").GetString());
        Assert.Contains("3 files, 1 article, 2 failed in ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_binary_and_malformed_json_with_their_reason_codes()
    {
        using var folder = new TemporaryDirectory();
        var image = folder.Write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]);
        var broken = folder.Write("export.json", "{\"title\": \"A\",\n \"body\": }");

        var run = await CliRun.RunAsync("normalize", image, broken);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("binary", run.Lines[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("malformed", run.Lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("line 2", run.Lines[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decompresses_html_gz_pages()
    {
        using var folder = new TemporaryDirectory();
        var page = File.ReadAllBytes(TestData.RequireShared("corpora", "readability", "nytimes-1", "source.html"));
        var path = folder.Write("sudan.html.gz", Gzip(page));

        var run = await CliRun.RunAsync("normalize", path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal("html", line.GetProperty("format").GetString());
        Assert.Equal("United States to Lift Sudan Sanctions", line.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Normalizes_the_seed_sample_as_ingest_does()
    {
        var path = TestData.RequireShared("samples", "ukraine-peace-talks.txt");

        var run = await CliRun.RunAsync("normalize", path);

        var line = Assert.Single(run.Lines);
        Assert.Equal("plainText", line.GetProperty("format").GetString());
        Assert.Equal("Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence", line.GetProperty("title").GetString());
        Assert.Equal(6, line.GetProperty("related").GetArrayLength());
    }

    [Fact]
    public async Task Normalizes_a_bbc_category_with_progress_and_summary_on_standard_error()
    {
        var category = TestData.RequireShared("corpora", "bbc", "sport");

        var run = await CliRun.RunAsync("normalize", category);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(511, run.Lines.Count);
        Assert.All(run.Lines, line => Assert.False(line.TryGetProperty("error", out _)));
        Assert.Contains("500 of 511 files, 500 articles, 0 failed", run.Error, StringComparison.Ordinal);
        Assert.Contains("511 files, 511 articles, 0 failed in ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_size_limit_without_reading_it()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("big.txt", new string('a', 2_000));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new NormalizeCommand(
            new ArticleNormalizer(), new ArticleEnricher(), Options.Create(new ArticleNormalizerOptions { MaxSourceBytes = 1_000 }), TimeProvider.System, output, error);

        var exitCode = await command.ExecuteAsync([path], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, exitCode);
        using var line = JsonDocument.Parse(output.ToString());
        Assert.Equal("tooLarge", line.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stops_between_files_when_cancelled_and_says_so()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("a.txt", "Alpha\n\nFirst story.");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new NormalizeCommand(
            new ArticleNormalizer(), new ArticleEnricher(), Options.Create(new ArticleNormalizerOptions()), TimeProvider.System, output, error);

        var exitCode = await command.ExecuteAsync([path], new CancellationToken(canceled: true));

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Empty(output.ToString());
        Assert.StartsWith("Interrupted after 0 files", error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertError(JsonElement line, string source, string code, string message)
    {
        Assert.Equal(source, line.GetProperty("source").GetString());
        Assert.Equal(code, line.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(message, line.GetProperty("error").GetProperty("message").GetString());
        Assert.False(line.TryGetProperty("title", out _));
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
