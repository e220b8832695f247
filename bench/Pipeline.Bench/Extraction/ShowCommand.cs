using System.Text.Json;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Serialization;

namespace Pipeline.Bench.Extraction;

/// <summary><c>show &lt;file.html&gt; [&lt;page url&gt;]</c>: the normalizer's output for one page, to look into a case.</summary>
internal static class ShowCommand
{
    public static int Run(string[] args)
    {
        if (args.Length is < 1 or > 2 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("Usage: show <file.html> [<page url>]");
            return 2;
        }

        var url = args.Length == 2 ? new Uri(args[1]) : null;
        try
        {
            var article = new HtmlNormalizer().Normalize(new SourceDocument(Path.GetFileName(args[0]), File.ReadAllBytes(args[0])), url);
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
