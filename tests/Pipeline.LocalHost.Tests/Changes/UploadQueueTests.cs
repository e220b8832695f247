using Pipeline.LocalHost.Changes;

namespace Pipeline.LocalHost.Tests.Changes;

/// <summary>Where <c>upload</c> announces its blobs: a queue of the articles container's own, unless configured.</summary>
public sealed class UploadQueueTests
{
    [Fact]
    public void Is_named_after_the_articles_container() =>
        Assert.Equal("articles-uploads", UploadQueue.QueueNameFor("articles", null));

    [Fact]
    public void A_configured_name_wins() =>
        Assert.Equal("my-uploads", UploadQueue.QueueNameFor("articles", "my-uploads"));

    [Fact]
    public void A_long_container_name_is_cut_to_a_valid_queue_name()
    {
        var name = UploadQueue.QueueNameFor(new string('a', 54) + "-bbbbbbbb", null);

        Assert.InRange(name.Length, 3, 63);
        Assert.DoesNotContain("--", name, StringComparison.Ordinal);
        Assert.EndsWith("-uploads", name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_announces_several_blobs_with_their_sizes()
    {
        AnnouncedBlob[] blobs = [new("herald/a.html", 1200), new("b \"quoted\".txt", 5)];

        Assert.Equal(blobs, UploadQueue.Decode(new BinaryData(UploadQueue.Encode(blobs))));
    }

    [Fact]
    public void A_message_that_is_not_a_list_of_blobs_names_one_blob()
    {
        Assert.Equal([new AnnouncedBlob("tech.txt")], UploadQueue.Decode(BinaryData.FromString("tech.txt")));
        Assert.Equal([new AnnouncedBlob("[draft].txt")], UploadQueue.Decode(BinaryData.FromString("[draft].txt")));
    }
}
