namespace Pipeline.Bench.Extraction.Reporting;

internal sealed record SpeedResult(string Extractor, int Pages, long Bytes, TimeSpan Elapsed)
{
    public double PagesPerSecond => Pages / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Bytes / 1_000_000.0 / Elapsed.TotalSeconds;
}
