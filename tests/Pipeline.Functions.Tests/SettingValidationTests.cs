using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Storage;

namespace Pipeline.Functions.Tests;

/// <summary>Settings of the app's own composition that storage or the app would refuse stop it at start, naming the setting.</summary>
public sealed class SettingValidationTests
{
    [Fact]
    public async Task A_bad_setting_stops_the_app_at_start_naming_it()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Pipeline:Lucene:IndexPath"] = Path.Combine(Path.GetTempPath(), "pipeline-fn-unused-index"),
            ["Pipeline:Ingest:MaxConcurrency"] = "0",
        });
        using var host = builder.AddPipelineFunctionsApp().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Pipeline:Ingest:MaxConcurrency must be at least 1 (was 0)", error.Message);
    }

    [Fact]
    public void Rejects_a_negative_storage_retry_count_naming_the_setting()
    {
        var error = StorageRefuses(("Pipeline:Storage:Retry:MaxRetries", "-1"));

        Assert.Equal("Pipeline:Storage:Retry:MaxRetries must be between 0 and 10 (was -1)", error.Message);
    }

    [Fact]
    public void Rejects_a_container_name_storage_would_refuse_naming_the_setting()
    {
        var error = StorageRefuses(("Pipeline:Storage:RejectedContainer", "Rejected_Uploads"));

        Assert.StartsWith(
            "Pipeline:Storage:RejectedContainer must be a storage container name: 3 to 63 lower-case letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_output_container_that_is_the_watched_one()
    {
        var error = StorageRefuses(("Pipeline:Storage:NormalizedContainer", "articles"));

        Assert.Equal("Pipeline:Storage:NormalizedContainer must differ from Pipeline:Storage:ArticlesContainer (was 'articles')", error.Message);
    }

    [Fact]
    public void Rejects_a_blob_service_url_that_is_not_absolute_naming_the_setting()
    {
        var error = StorageRefuses(("AzureWebJobsStorage:blobServiceUri", "stpipeline.blob.core.windows.net"));

        Assert.Equal(
            "AzureWebJobsStorage:blobServiceUri must be an absolute http or https URL (was 'stpipeline.blob.core.windows.net')", error.Message);
    }

    [Fact]
    public void Rejects_an_endpoint_suffix_with_a_scheme_naming_the_setting()
    {
        var error = StorageRefuses(("AzureWebJobsStorage:accountName", "stpipeline"), ("Pipeline:Storage:EndpointSuffix", "https://core.windows.net"));

        Assert.StartsWith("Pipeline:Storage:EndpointSuffix must be a host name suffix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_malformed_connection_string_without_repeating_its_secret()
    {
        var error = StorageRefuses(("AzureWebJobsStorage", "stpipeline;AccountKey=c2VjcmV0"));

        Assert.StartsWith("AzureWebJobsStorage must be a storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_search_backend_that_names_none_naming_the_setting()
    {
        var configuration = Configuration(("Pipeline:Search:Backend", "7"));

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddPipeline(configuration));

        Assert.Equal("Pipeline:Search:Backend must be one of Lucene, AzureAISearch (was 7)", error.Message);
    }

    [Fact]
    public void Accepts_the_sample_settings()
    {
        using var services = new ServiceCollection().AddPipelineBlobStorage(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true"))).BuildServiceProvider();

        Assert.Equal("articles", services.GetRequiredService<IOptions<BlobStorageOptions>>().Value.ArticlesContainer);
    }

    private static OptionsValidationException StorageRefuses(params (string Key, string Value)[] values)
    {
        using var services = new ServiceCollection().AddPipelineBlobStorage(Configuration(values)).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BlobStorageOptions>>().Value);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
