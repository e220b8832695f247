using Azure.Storage.Blobs;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Upload;

public sealed class ArticleUploaderTests(AzuriteFixture azurite)
{
    [Fact]
    public void A_file_is_named_by_its_file_name_and_a_folder_by_relative_paths()
    {
        using var files = new TemporaryDirectory("upload-plan");
        var single = files.WriteFile("single/story.md", "# Story");
        files.WriteFile("corpus/tech/001.txt", "Tech");
        files.WriteFile("corpus/business/001.txt", "Business");
        files.WriteFile("corpus/.DS_Store", "hidden");

        var plan = ArticleUploader.Plan([single, files.Combine("corpus")]);

        Assert.Equal(["story.md", "business/001.txt", "tech/001.txt"], plan.Select(item => item.BlobName));
    }

    [Fact]
    public void Two_files_that_would_share_a_blob_name_are_refused_before_anything_is_uploaded()
    {
        using var files = new TemporaryDirectory("upload-clash");
        var business = files.WriteFile("business/001.txt", "Business");
        var tech = files.WriteFile("tech/001.txt", "Tech");

        var error = Assert.Throws<ArgumentException>(() => ArticleUploader.Plan([business, tech]));

        Assert.Contains("'001.txt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported_by_name()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ArticleUploader.Plan(["no/such/article.txt"]));

        Assert.Contains("no/such/article.txt", error.Message);
    }

    [Theory]
    [InlineData("a.txt", "text/plain")]
    [InlineData("a.md", "text/markdown")]
    [InlineData("a.html", "text/html")]
    [InlineData("a.json", "application/json")]
    [InlineData("a.pdf", "application/pdf")]
    [InlineData("no-extension", "application/octet-stream")]
    public void The_content_type_follows_the_extension(string fileName, string expected)
    {
        Assert.Equal(expected, ArticleUploader.ContentTypeOf(fileName));
    }

    [Fact]
    public async Task Uploads_files_with_their_content_type_and_creates_the_container()
    {
        var ct = TestContext.Current.CancellationToken;
        using var files = new TemporaryDirectory("upload");
        files.WriteFile("news/today.md", "# Today");
        files.WriteFile("news/raw.txt", "Raw");
        var container = new BlobContainerClient(azurite.ConnectionString, $"upload-{Guid.NewGuid():N}");

        var uploaded = new List<UploadedBlob>();
        await foreach (var blob in new ArticleUploader(container).UploadAsync(ArticleUploader.Plan([files.Combine("news")]), ct))
        {
            uploaded.Add(blob);
        }

        Assert.Equal(
            [new UploadedBlob("raw.txt", "text/plain", 3), new UploadedBlob("today.md", "text/markdown", 7)],
            uploaded.Select(blob => blob with { ETag = null, LastModified = null }));
        Assert.All(uploaded, blob => Assert.StartsWith("\"", blob.ETag, StringComparison.Ordinal));
        var properties = await container.GetBlobClient("today.md").GetPropertiesAsync(cancellationToken: ct);
        Assert.Equal("text/markdown", properties.Value.ContentType);
    }
}
