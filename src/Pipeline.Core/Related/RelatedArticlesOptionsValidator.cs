using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;
using Pipeline.Core.Search;

namespace Pipeline.Core.Related;

/// <summary>Rejects <see cref="RelatedArticlesOptions"/> out of the range the index and SimHash allow, naming the setting.</summary>
internal sealed class RelatedArticlesOptionsValidator : IValidateOptions<RelatedArticlesOptions>
{
    public ValidateOptionsResult Validate(string? name, RelatedArticlesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(RelatedArticlesOptions.SectionName)
            .Between(nameof(RelatedArticlesOptions.TitleCandidates), options.TitleCandidates, 1, SearchRequest.MaxTop)

            // Zero would take any title for the headline: a wrong link is worse than one left as text.
            .Require(
                options.FuzzyTitleThreshold is > 0 and <= 1,
                nameof(RelatedArticlesOptions.FuzzyTitleThreshold),
                "must be greater than 0 and at most 1",
                options.FuzzyTitleThreshold)
            .Between(nameof(RelatedArticlesOptions.NearDuplicateMaxDistance), options.NearDuplicateMaxDistance, 0, 64)
            .Between(nameof(RelatedArticlesOptions.SimilarCandidateMargin), options.SimilarCandidateMargin, 0, SearchRequest.MaxTop)
            .Result;
    }
}
