using Pipeline.Core.Configuration;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Related;

namespace Pipeline.Core.Tests.Configuration;

/// <summary>Each family of rule the validators use, with the full key and the bad value in its message.</summary>
public sealed class SettingChecksTests
{
    [Fact]
    public void Rejects_zero_max_elements_naming_the_setting()
    {
        var result = new HtmlNormalizerOptionsValidator().Validate(null, new HtmlNormalizerOptions { MaxElements = 0 });

        Assert.Equal(["Pipeline:Normalization:Html:MaxElements must be at least 1 (was 0)"], result.Failures);
    }

    [Fact]
    public void Rejects_a_near_duplicate_distance_beyond_a_simhash_naming_the_setting()
    {
        var result = new RelatedArticlesOptionsValidator().Validate(null, new RelatedArticlesOptions { NearDuplicateMaxDistance = 65 });

        Assert.Equal(["Pipeline:Related:NearDuplicateMaxDistance must be between 0 and 64 (was 65)"], result.Failures);
    }

    [Fact]
    public void Rejects_a_fuzzy_threshold_above_one_naming_the_setting_and_the_value()
    {
        var result = new RelatedArticlesOptionsValidator().Validate(null, new RelatedArticlesOptions { FuzzyTitleThreshold = 1.5 });

        Assert.Equal(["Pipeline:Related:FuzzyTitleThreshold must be greater than 0 and at most 1 (was 1.5)"], result.Failures);
    }

    [Fact]
    public void Rejects_a_zero_interval_where_it_must_be_positive()
    {
        var checks = new SettingChecks("Pipeline:LocalHost:Azurite").Positive("StartTimeout", TimeSpan.Zero);

        Assert.Equal(["Pipeline:LocalHost:Azurite:StartTimeout must be positive (was 00:00:00)"], checks.Failures);
    }

    [Fact]
    public void Rejects_a_relative_url_naming_the_setting()
    {
        var checks = new SettingChecks("Pipeline:AzureAISearch").HttpUrl("Endpoint", "my-search.search.windows.net");

        Assert.Equal(["Pipeline:AzureAISearch:Endpoint must be an absolute http or https URL (was 'my-search.search.windows.net')"], checks.Failures);
    }

    [Theory]
    [InlineData("Articles")]
    [InlineData("my--articles")]
    [InlineData("ab")]
    [InlineData("-articles")]
    public void Rejects_a_container_name_storage_would_refuse(string name)
    {
        var checks = new SettingChecks("Pipeline:Storage").StorageName("ArticlesContainer", name, "container");

        Assert.StartsWith("Pipeline:Storage:ArticlesContainer must be a storage container name", Assert.Single(checks.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_number_that_names_no_member_of_the_enum()
    {
        var checks = new SettingChecks("Pipeline:Search").Defined("Backend", (DayOfWeek)9);

        Assert.Equal(
            ["Pipeline:Search:Backend must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday (was 9)"],
            checks.Failures);
    }

    [Fact]
    public void Accepts_the_defaults_of_every_core_section()
    {
        Assert.True(new HtmlNormalizerOptionsValidator().Validate(null, new HtmlNormalizerOptions()).Succeeded);
        Assert.True(new RelatedArticlesOptionsValidator().Validate(null, new RelatedArticlesOptions()).Succeeded);
    }
}
