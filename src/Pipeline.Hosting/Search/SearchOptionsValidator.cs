using Pipeline.Core.Configuration;

namespace Pipeline.Hosting.Search;

/// <summary>Rejects a <see cref="SearchOptions.Backend"/> that names no backend, naming the setting.</summary>
internal sealed class SearchOptionsValidator() : SettingsValidator<SearchOptions>(SearchOptions.SectionName)
{
    protected override void Check(SearchOptions options, SettingChecks checks) => checks
        .Defined(nameof(options.Backend), options.Backend);
}
