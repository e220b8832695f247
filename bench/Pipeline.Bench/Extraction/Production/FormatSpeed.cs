using System.Diagnostics;
using Pipeline.Core.Normalization;

namespace Pipeline.Bench.Extraction.Production;

/// <param name="Format">Input format label.</param>
/// <param name="Source">Where the inputs come from.</param>
/// <param name="Normalization">Time of a pass that only normalizes.</param>
/// <param name="NormalizationAndEnrichment">Time of a pass that normalizes and enriches every article.</param>
internal sealed record FormatSpeedResult(string Format, string Source, int Pages, long Bytes, TimeSpan Normalization, TimeSpan NormalizationAndEnrichment)
{
    public double PagesPerSecond(TimeSpan elapsed) => Pages / elapsed.TotalSeconds;

    public double MegabytesPerSecond(TimeSpan elapsed) => Bytes / 1_000_000.0 / elapsed.TotalSeconds;
}

/// <summary>Times the production normalizer (and enricher) per format: one warm-up pass, then the timed passes.</summary>
internal static class FormatSpeed
{
    public static FormatSpeedResult Measure(string format, string source, IReadOnlyList<SourceDocument> inputs, ProductionPipeline pipeline)
    {
        Console.WriteLine($"Timing {format} over {inputs.Count} inputs…");
        Run(inputs, pipeline, enrich: true);
        var normalization = Run(inputs, pipeline, enrich: false);
        var withEnrichment = Run(inputs, pipeline, enrich: true);
        return new FormatSpeedResult(format, source, inputs.Count, inputs.Sum(i => (long)i.Content.Length), normalization, withEnrichment);
    }

    private static TimeSpan Run(IReadOnlyList<SourceDocument> inputs, ProductionPipeline pipeline, bool enrich)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            try
            {
                var articles = pipeline.Normalizer.Normalize(input);
                if (enrich)
                {
                    for (var i = 0; i < articles.Count; i++)
                    {
                        pipeline.Enricher.Enrich(articles[i], input, i);
                    }
                }
            }
            catch (NormalizationException)
            {
                // A rejected input costs what it costs; the quality sections report failures.
            }
        }

        return stopwatch.Elapsed;
    }
}
