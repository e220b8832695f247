using Pipeline.Core.Configuration;

namespace Pipeline.Search.Lucene;

/// <summary>Rejects <see cref="LuceneIndexOptions"/> the index cannot open or batch writes with, naming the setting.</summary>
internal sealed class LuceneIndexOptionsValidator() : SettingsValidator<LuceneIndexOptions>(LuceneIndexOptions.SectionName)
{
    protected override void Check(LuceneIndexOptions options, SettingChecks checks) => checks
        .NotEmpty(nameof(options.IndexPath), options.IndexPath)
        .NotNegative(nameof(options.RefreshInterval), options.RefreshInterval)
        .NotNegative(nameof(options.CommitInterval), options.CommitInterval)
        .AtLeast(nameof(options.CommitAfterWrites), options.CommitAfterWrites, 1)
        .Between(nameof(options.RankedPageCacheSize), options.RankedPageCacheSize, 0, 1_000_000)
        .Between(nameof(options.PostingsCacheMegabytes), options.PostingsCacheMegabytes, 0, 1_000_000)
        .NotNegative(nameof(options.IdleMergeAfter), options.IdleMergeAfter)
        .Between(nameof(options.IdleMergeSegments), options.IdleMergeSegments, 1, 100);
}
