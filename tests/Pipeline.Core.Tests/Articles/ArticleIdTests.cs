using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Articles;

public sealed class ArticleIdTests
{
    [Fact]
    public void Is_stable_for_the_same_blob_name()
    {
        Assert.Equal(ArticleId.FromBlobName("news/ukraine-peace-talks.txt"), ArticleId.FromBlobName("news/ukraine-peace-talks.txt"));
    }

    [Fact]
    public void Starts_with_a_readable_slug_of_the_file_name()
    {
        Assert.Matches("^ukraine-peace-talks-[0-9a-f]{8}$", ArticleId.FromBlobName("news/Ukraine Peace Talks.txt"));
    }

    [Theory]
    [InlineData("a b.txt")]
    [InlineData("Ünïcödé Straße/Ärger – 2025.txt")]
    [InlineData("weird/%20?#&=+.txt")]
    [InlineData("日本語の記事.txt")]
    [InlineData("page.html.json")]
    public void Is_url_safe(string blobName)
    {
        var id = ArticleId.FromBlobName(blobName);

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id);
        Assert.Equal(Uri.EscapeDataString(id), id);
        Assert.True(ArticleId.IsValid(id), id);
    }

    [Fact]
    public void Keeps_blob_names_with_the_same_slug_apart()
    {
        Assert.NotEqual(ArticleId.FromBlobName("a b.txt"), ArticleId.FromBlobName("a-b.txt"));
    }

    [Fact]
    public void Gives_each_part_of_a_blob_its_own_id()
    {
        Assert.NotEqual(ArticleId.FromBlobName("feed.json", 0), ArticleId.FromBlobName("feed.json", 1));
    }

    [Fact]
    public void Keeps_long_names_within_the_valid_length()
    {
        var id = ArticleId.FromBlobName(new string('x', 500) + ".txt");

        Assert.True(ArticleId.IsValid(id), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Has Spaces")]
    [InlineData("../etc/passwd")]
    public void Rejects_ids_of_the_wrong_shape(string? id)
    {
        Assert.False(ArticleId.IsValid(id));
    }
}
