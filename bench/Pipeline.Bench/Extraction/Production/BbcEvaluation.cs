using Pipeline.Core.Normalization;

namespace Pipeline.Bench.Extraction.Production;

/// <param name="Files">Article files in the corpus.</param>
/// <param name="Normalized">Files that normalized into exactly one article.</param>
/// <param name="TitlesExact">Articles whose title equals the file's first line exactly (ordinal).</param>
/// <param name="FilesWithPoundInSource">Files whose decoded text contains '£'.</param>
/// <param name="FilesWithPoundInOutput">Articles whose title or body contains '£'.</param>
/// <param name="Latin1File">The ISO-8859-1 probe file and whether its '£' survived.</param>
internal sealed record BbcResult(
    int Files,
    int Normalized,
    int TitlesExact,
    int FilesWithPoundInSource,
    int FilesWithPoundInOutput,
    (string Name, bool PoundIntact, string? Excerpt) Latin1File,
    IReadOnlyList<(string File, string Problem)> Problems);

/// <summary>Runs every BBC file through the production normalizer and checks title, count and the £ sign.</summary>
internal static class BbcEvaluation
{
    public const string Latin1ProbeFile = "sport/199.txt";

    public static BbcResult Evaluate(IReadOnlyList<BbcFile> files, IArticleNormalizer normalizer)
    {
        int normalized = 0, titlesExact = 0, poundInSource = 0, poundInOutput = 0;
        var problems = new List<(string, string)>();
        (string, bool, string?) probe = (Latin1ProbeFile, false, null);
        foreach (var file in files)
        {
            var sourceHasPound = file.Text.Contains('£', StringComparison.Ordinal);
            poundInSource += sourceHasPound ? 1 : 0;
            NormalizedArticle article;
            try
            {
                var articles = normalizer.Normalize(new SourceDocument(file.RelativeName, file.Bytes, "text/plain"));
                if (articles.Count != 1)
                {
                    problems.Add((file.RelativeName, $"{articles.Count} articles"));
                    continue;
                }

                article = articles[0];
            }
            catch (NormalizationException ex)
            {
                problems.Add((file.RelativeName, $"{ex.Code}: {ex.Message}"));
                continue;
            }

            normalized++;
            if (string.Equals(article.Title, file.Title, StringComparison.Ordinal))
            {
                titlesExact++;
            }
            else
            {
                problems.Add((file.RelativeName, $"title \"{article.Title}\", expected \"{file.Title}\""));
            }

            var output = string.Join('\n', article.Sections.SelectMany(s => s.Heading is null ? s.Paragraphs : s.Paragraphs.Prepend(s.Heading)).Prepend(article.Title));
            var outputHasPound = output.Contains('£', StringComparison.Ordinal);
            poundInOutput += outputHasPound ? 1 : 0;
            if (sourceHasPound && !outputHasPound)
            {
                problems.Add((file.RelativeName, "'£' lost"));
            }

            if (file.RelativeName == Latin1ProbeFile)
            {
                var at = output.IndexOf('£', StringComparison.Ordinal);
                probe = (file.RelativeName, outputHasPound && !output.Contains('\uFFFD', StringComparison.Ordinal),
                    at < 0 ? null : output.Substring(Math.Max(0, at - 20), Math.Min(40, output.Length - Math.Max(0, at - 20))));
            }
        }

        return new BbcResult(files.Count, normalized, titlesExact, poundInSource, poundInOutput, probe, problems);
    }
}
