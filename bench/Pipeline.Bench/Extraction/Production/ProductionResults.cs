namespace Pipeline.Bench.Extraction.Production;

/// <summary>What the production normalizer does on BBC text and the seed, and how fast it is per format.</summary>
internal sealed record ProductionResults(BbcResult Bbc, IReadOnlyList<SeedCheck> Seed, IReadOnlyList<FormatSpeedResult> Speeds);
