using Pipeline.LocalHost.Azurite;

namespace Pipeline.LocalHost.Tests.Azurite;

public sealed class AzuriteEndpointsTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("usedevelopmentstorage=TRUE;")]
    public void Development_storage_means_the_default_ports_on_loopback(string connectionString)
    {
        Assert.True(AzuriteEndpoints.TryParse(connectionString, out var endpoints));

        Assert.Equal(new Uri("http://127.0.0.1:10000/"), endpoints.Blob);
        Assert.Equal(new Uri("http://127.0.0.1:10001/"), endpoints.Queue);
        Assert.Equal(new Uri("http://127.0.0.1:10002/"), endpoints.Table);
    }

    [Fact]
    public void Reads_explicit_loopback_endpoints()
    {
        const string connectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
            "BlobEndpoint=http://127.0.0.1:20100/devstoreaccount1;QueueEndpoint=http://localhost:20101/devstoreaccount1;" +
            "TableEndpoint=http://127.0.0.1:20102/devstoreaccount1;";

        Assert.True(AzuriteEndpoints.TryParse(connectionString, out var endpoints));

        Assert.Equal(20100, endpoints.Blob.Port);
        Assert.Equal("localhost", endpoints.Queue.Host);
        Assert.Equal(20101, endpoints.Queue.Port);
        Assert.Equal(20102, endpoints.Table.Port);
    }

    [Fact]
    public void Blob_only_connection_strings_get_the_neighbouring_queue_and_table_ports()
    {
        Assert.True(AzuriteEndpoints.TryParse("BlobEndpoint=http://127.0.0.1:20200/devstoreaccount1;AccountName=devstoreaccount1", out var endpoints));

        Assert.Equal(20201, endpoints.Queue.Port);
        Assert.Equal(20202, endpoints.Table.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=pipelineprod;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=https://pipelineprod.blob.core.windows.net/;SharedAccessSignature=sv=2024")]
    [InlineData("UseDevelopmentStorage=false")]
    public void Anything_but_a_local_emulator_is_not_parsed(string? connectionString)
    {
        Assert.False(AzuriteEndpoints.TryParse(connectionString, out _));
    }

    [Fact]
    public void The_connection_string_round_trips()
    {
        var endpoints = AzuriteEndpoints.OnLoopback("127.0.0.1", 20300, 20301, 20302);

        Assert.True(AzuriteEndpoints.TryParse(endpoints.ConnectionString, out var parsed));
        Assert.Equal(endpoints, parsed);
    }
}
