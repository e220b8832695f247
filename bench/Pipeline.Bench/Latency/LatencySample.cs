using System.Diagnostics;

namespace Pipeline.Bench.Latency;

/// <summary>Timings of one kind of request: percentiles by the nearest-rank method.</summary>
internal sealed class LatencySample(string name, string description)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Notes on what the measured operation actually did (for example that facets came back empty).</summary>
    public List<string> Notes { get; } = [];

    public int Count => _milliseconds.Count;

    public void Add(long startTimestamp) => _milliseconds.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();
}
