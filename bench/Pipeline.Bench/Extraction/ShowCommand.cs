using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Serialization;

namespace Pipeline.Bench.Extraction;

/// <summary><c>show &lt;file.html&gt; [&lt;page url&gt;]</c>: the normalizer's output for one page, to look into a case.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file.html") { Description = "The saved page." }.AcceptExistingOnly();
        var url = new Argument<Uri?>("page url")
        {
            Description = "The page's address, for resolving its links.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"The page url must be an absolute URL, not '{result.Tokens[0].Value}'.");
                return null;
            },
        };
        var command = new Command("show", "Prints what the HTML normalizer makes of one page, as JSON (for looking into a case).")
        {
            file,
            url,
        }.WithExamples(
            "Pipeline.Bench show ../shared/corpora/readability/001/source.html",
            "Pipeline.Bench show page.html https://example.com/news/1");
        command.SetAction(parsed => Run(parsed.GetValue(file)!, parsed.GetValue(url)));
        return command;
    }

    public static int Run(FileInfo file, Uri? url)
    {
        try
        {
            var article = new HtmlNormalizer().Normalize(new SourceDocument(file.Name, File.ReadAllBytes(file.FullName)), url);
            Console.WriteLine(JsonSerializer.Serialize(article, PipelineJson.Indented));
            return 0;
        }
        catch (NormalizationException ex)
        {
            Console.Error.WriteLine($"Rejected: {ex.Code}: {ex.Message}");
            return 1;
        }
    }
}
