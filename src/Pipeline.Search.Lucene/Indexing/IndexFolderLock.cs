namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// Makes one process the only user of an index folder for as long as it holds the index open.
/// </summary>
/// <remarks>
/// Lucene's own write.lock does not exclude a second process on Linux (both obtain it and both commit, corrupting
/// each other's view). A file opened with <see cref="FileShare.None"/> is refused to everyone else, and the
/// operating system releases it when the holder dies, so a crash never leaves the folder locked.
/// </remarks>
internal sealed class IndexFolderLock : IDisposable
{
    public const string FileName = "pipeline.lock";

    private readonly FileStream _stream;

    private IndexFolderLock(FileStream stream) => _stream = stream;

    public static IndexFolderLock Acquire(string indexPath)
    {
        var lockPath = Path.Combine(indexPath, FileName);
        try
        {
            return new IndexFolderLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (File.Exists(lockPath))
        {
            throw new InvalidOperationException(
                $"The search index at '{indexPath}' is in use by another process (it holds '{lockPath}'). " +
                "Only one process may open an index: stop the other host, or give this one its own folder in Pipeline:Lucene:IndexPath.",
                ex);
        }
    }

    // The file is left in place: deleting it would let a third process lock a new file while a second still holds the old one.
    public void Dispose() => _stream.Dispose();
}
