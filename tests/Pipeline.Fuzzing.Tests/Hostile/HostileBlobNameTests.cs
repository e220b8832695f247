using Pipeline.Cli.Soak.Inputs;
using Pipeline.Core.Articles;

namespace Pipeline.Fuzzing.Tests.Hostile;

/// <summary>
/// Blob names come from whoever uploads. Ids made from them must be safe as a file name, a blob name, a URL segment
/// and a search filter value, whatever the name holds.
/// </summary>
public sealed class HostileBlobNameTests
{
    public static TheoryData<string> Names => [.. HostileBlobNames.All];

    [Theory]
    [MemberData(nameof(Names))]
    public void Id_from_a_hostile_name_has_the_valid_id_shape(string blobName)
    {
        var id = ArticleId.FromBlobName(blobName);

        Assert.True(ArticleId.IsValid(id), $"'{id}' from '{blobName}'");
        Assert.DoesNotContain("..", id, StringComparison.Ordinal);
        Assert.Equal(id, Path.GetFileName(id));
        Assert.Equal(id, Uri.EscapeDataString(id));
    }

    [Fact]
    public void Every_hostile_name_gets_its_own_id()
    {
        var ids = HostileBlobNames.All.Select(name => ArticleId.FromBlobName(name)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Nfc_and_nfd_spellings_are_different_blobs_and_get_different_ids()
    {
        // Blob storage compares names byte for byte, so these are two uploads; merging them would lose one.
        var composed = ArticleId.FromBlobName("caf\u00e9.txt");
        var decomposed = ArticleId.FromBlobName("cafe\u0301.txt");

        Assert.NotEqual(composed, decomposed);
        Assert.StartsWith("cafe-", composed, StringComparison.Ordinal);
        Assert.StartsWith("cafe-", decomposed, StringComparison.Ordinal);
    }

    [Fact]
    public void Traversal_segments_leave_only_the_file_name_in_the_slug()
    {
        Assert.StartsWith("passwd-", ArticleId.FromBlobName("../../../../etc/passwd"), StringComparison.Ordinal);
        Assert.StartsWith("hosts-", ArticleId.FromBlobName("..\\..\\Windows\\System32\\drivers\\etc\\hosts"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bidi_and_zero_width_characters_do_not_reach_the_id()
    {
        var id = ArticleId.FromBlobName("evil\u202Egpj.txt");

        Assert.StartsWith("evil-gpj-", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_names_give_ids_of_bounded_length()
    {
        var id = ArticleId.FromBlobName(new string('a', 1024) + ".txt");

        Assert.True(id.Length <= 69, id);
    }
}
