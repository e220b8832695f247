using Pipeline.LocalHost.Hosting;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>The address the host publishes for <c>upload</c>'s hand-overs: one an upload on this machine can reach.</summary>
public sealed class HandOffAddressTests
{
    [Theory]
    [InlineData("http://+:7071", "http://localhost:7071/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:7071", "http://localhost:7071/")]
    [InlineData("http://[::]:7071", "http://localhost:7071/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void A_wildcard_host_is_published_as_the_loopback_name(string url, string published) =>
        Assert.Equal(new Uri(published), LocalPipelineHost.HandOffAddress([url]));

    [Fact]
    public void No_address_is_published_without_an_http_url() =>
        Assert.Null(LocalPipelineHost.HandOffAddress(["unix:/tmp/pipeline.sock"]));
}
