namespace Pipeline.Bench.Latency;

/// <summary>The <c>latency</c> command's options, defaults resolved.</summary>
/// <param name="Report">Where the corpora are and where the report goes.</param>
/// <param name="Quick">The short run: smaller sizes, fewer requests, no HTTP unless asked.</param>
/// <param name="Sizes">Index sizes, ascending; HTTP is measured at the largest.</param>
/// <param name="IndexRoot">Where to build the indexes and keep them; null for a temporary folder, deleted.</param>
/// <param name="Seconds">Seconds per HTTP measurement; 0 skips HTTP.</param>
/// <param name="Clients">Concurrent HTTP clients.</param>
/// <param name="Queries">Timed requests per query kind.</param>
internal sealed record LatencyOptions(ReportOptions Report, bool Quick, int[] Sizes, string? IndexRoot, int Seconds, int Clients, int Queries);
