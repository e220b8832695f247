using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Search.Lucene;

/// <summary>Rejects <see cref="LuceneIndexOptions"/> the index cannot open or batch writes with, naming the setting.</summary>
internal sealed class LuceneIndexOptionsValidator : IValidateOptions<LuceneIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, LuceneIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(LuceneIndexOptions.SectionName)
            .NotEmpty(nameof(LuceneIndexOptions.IndexPath), options.IndexPath)
            .NotNegative(nameof(LuceneIndexOptions.RefreshInterval), options.RefreshInterval)
            .NotNegative(nameof(LuceneIndexOptions.CommitInterval), options.CommitInterval)
            .AtLeast(nameof(LuceneIndexOptions.CommitAfterWrites), options.CommitAfterWrites, 1)
            .Result;
    }
}
