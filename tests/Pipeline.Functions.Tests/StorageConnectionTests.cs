using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;

namespace Pipeline.Functions.Tests;

/// <summary>How the app's blob client, built by AddAzureClients, reads the identity-based AzureWebJobsStorage connection Azure gives it.</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void Account_name_alone_uses_the_public_cloud_suffix_by_default()
    {
        var client = Client(("AzureWebJobsStorage:accountName", "stpipeline"));

        Assert.Equal("https://stpipeline.blob.core.windows.net/", client.Uri.ToString());
    }

    [Fact]
    public void Account_name_alone_uses_the_configured_endpoint_suffix()
    {
        var client = Client(("AzureWebJobsStorage:accountName", "stpipeline"), ("Pipeline:Storage:EndpointSuffix", "core.usgovcloudapi.net"));

        Assert.Equal("https://stpipeline.blob.core.usgovcloudapi.net/", client.Uri.ToString());
    }

    [Fact]
    public void Blob_service_uri_wins_over_the_suffix()
    {
        var client = Client(
            ("AzureWebJobsStorage:accountName", "stpipeline"),
            ("AzureWebJobsStorage:blobServiceUri", "https://stpipeline.blob.core.chinacloudapi.cn/"),
            ("Pipeline:Storage:EndpointSuffix", "core.usgovcloudapi.net"));

        Assert.Equal("https://stpipeline.blob.core.chinacloudapi.cn/", client.Uri.ToString());
    }

    private static BlobServiceClient Client(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        using var services = new ServiceCollection().AddLogging().AddPipelineBlobStorage(configuration).BuildServiceProvider();
        return services.GetRequiredService<BlobServiceClient>();
    }
}
