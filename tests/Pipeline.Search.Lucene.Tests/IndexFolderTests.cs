using Microsoft.Extensions.Options;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>An index folder the host cannot write is refused when the index opens, with an error that names it.</summary>
public sealed class IndexFolderTests
{
    [Fact]
    public void Index_folder_that_cannot_be_created_is_refused_at_open_with_an_error_naming_the_folder()
    {
        using var folder = new TemporaryIndexFolder();

        // A file where a folder of the path should be: refused even to root, unlike permission bits.
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "in the way");
        var indexPath = Path.Combine(blocker, "index");

        var error = Assert.Throws<InvalidOperationException>(() => new LuceneArticleIndex(Options.Create(new LuceneIndexOptions { IndexPath = indexPath })));

        Assert.Contains($"'{indexPath}' cannot be written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline:Lucene:IndexPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writable_index_folder_is_left_without_the_write_probe()
    {
        using var folder = new TemporaryIndexFolder();

        using (folder.OpenIndex())
        {
        }

        Assert.Empty(Directory.GetFiles(folder.Path, "write-probe-*"));
    }
}
