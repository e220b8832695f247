using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Hosting.Search;

/// <summary>Rejects a <see cref="SearchOptions.Backend"/> that names no backend, naming the setting.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Check(options).Result;
    }

    public static SettingChecks Check(SearchOptions options) =>
        new SettingChecks(SearchOptions.SectionName).Defined(nameof(SearchOptions.Backend), options.Backend);
}
