using Microsoft.Extensions.Configuration;
using Pipeline.Storage;

namespace Pipeline.Functions.Tests;

/// <summary>How the app's blob client reads the identity-based AzureWebJobsStorage connection Azure gives it.</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void Account_name_alone_uses_the_public_cloud_suffix_by_default()
    {
        var client = BlobServiceClientFactory.Create(Settings(("AzureWebJobsStorage:accountName", "stpipeline")), new BlobStorageOptions());

        Assert.Equal("https://stpipeline.blob.core.windows.net/", client.Uri.ToString());
    }

    [Fact]
    public void Account_name_alone_uses_the_configured_endpoint_suffix()
    {
        var options = new BlobStorageOptions { EndpointSuffix = "core.usgovcloudapi.net" };

        var client = BlobServiceClientFactory.Create(Settings(("AzureWebJobsStorage:accountName", "stpipeline")), options);

        Assert.Equal("https://stpipeline.blob.core.usgovcloudapi.net/", client.Uri.ToString());
    }

    [Fact]
    public void Blob_service_uri_wins_over_the_suffix()
    {
        var options = new BlobStorageOptions { EndpointSuffix = "core.usgovcloudapi.net" };
        var configuration = Settings(
            ("AzureWebJobsStorage:accountName", "stpipeline"),
            ("AzureWebJobsStorage:blobServiceUri", "https://stpipeline.blob.core.chinacloudapi.cn/"));

        var client = BlobServiceClientFactory.Create(configuration, options);

        Assert.Equal("https://stpipeline.blob.core.chinacloudapi.cn/", client.Uri.ToString());
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
