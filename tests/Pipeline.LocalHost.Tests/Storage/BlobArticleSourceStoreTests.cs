using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Tests.Storage;

/// <summary>The articles container as the ingest path and the reconcile passes see it.</summary>
public sealed class BlobArticleSourceStoreTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_a_blob_with_the_same_etag_as_its_properties_and_its_download()
    {
        var store = await CreateStoreAsync();
        await store.Container.UploadBlobAsync("story.txt", BinaryData.FromString("A story\n\nIt happened."), Ct);

        var listed = Assert.Single(await store.Store.ListAsync(Ct).ToListAsync(Ct));
        var properties = await store.Store.GetAsync("story.txt", Ct);
        var downloaded = await store.Store.ReadAsync("story.txt", Ct);

        Assert.StartsWith("\"", listed.ETag, StringComparison.Ordinal);
        Assert.Equal(listed.ETag, properties!.ETag);
        Assert.Equal(listed.ETag, downloaded!.ETag);
    }

    private async Task<(BlobArticleSourceStore Store, BlobContainerClient Container)> CreateStoreAsync()
    {
        var options = Options.Create(new BlobStorageOptions { ArticlesContainer = $"t{Guid.NewGuid():N}"[..20] });
        var containers = new BlobContainers(new BlobServiceClient(azurite.ConnectionString), options);
        await containers.Articles.CreateIfNotExistsAsync(cancellationToken: Ct);
        return (new BlobArticleSourceStore(containers), containers.Articles);
    }
}
