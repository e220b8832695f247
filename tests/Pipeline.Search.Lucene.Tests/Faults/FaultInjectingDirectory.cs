using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneLock = Lucene.Net.Store.Lock;

namespace Pipeline.Search.Lucene.Tests.Faults;

/// <summary>What the next file writes of the index meet.</summary>
internal enum DiskFault
{
    None,

    /// <summary>Every new file and every write fails with "No space left on device", as on a full disk.</summary>
    Full,

    /// <summary>Only the files of background merges fail, as when the disk has room for new segments but not for a merged copy.</summary>
    FullForMerges,

    /// <summary>The next new file fails with an out-of-memory error, after which Lucene's writer refuses to commit ever again.</summary>
    OutOfMemoryOnce,
}

/// <summary>
/// A Lucene directory over a real folder whose writes fail on demand, so a test can fill the disk under the index
/// without filling a disk. Reads always work, as they do on a full disk.
/// </summary>
internal sealed class FaultInjectingDirectory(LuceneDirectory inner) : LuceneDirectory
{
    private int _fault;
    private int _injected;

    public DiskFault Fault
    {
        get => (DiskFault)Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, (int)value);
    }

    /// <summary>How many operations failed because of <see cref="Fault"/>.</summary>
    public int Injected => Volatile.Read(ref _injected);

    public override LockFactory LockFactory => inner.LockFactory;

    public override string[] ListAll() => inner.ListAll();

    [Obsolete("As Lucene's own Directory.FileExists.")]
    public override bool FileExists(string name) => inner.FileExists(name);

    public override void DeleteFile(string name) => inner.DeleteFile(name);

    public override long FileLength(string name) => inner.FileLength(name);

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        ThrowIfFaulted(merge: context.Context == IOContext.UsageContext.MERGE, creating: true);
        return new FaultInjectingOutput(this, inner.CreateOutput(name, context), merge: context.Context == IOContext.UsageContext.MERGE);
    }

    public override void Sync(ICollection<string> names)
    {
        ThrowIfFaulted(merge: false, creating: false);
        inner.Sync(names);
    }

    public override IndexInput OpenInput(string name, IOContext context) => inner.OpenInput(name, context);

    public override LuceneLock MakeLock(string name) => inner.MakeLock(name);

    public override void ClearLock(string name) => inner.ClearLock(name);

    public override void SetLockFactory(LockFactory lockFactory) => inner.SetLockFactory(lockFactory);

    public override string GetLockID() => inner.GetLockID();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    private void ThrowIfFaulted(bool merge, bool creating)
    {
        switch (Fault)
        {
            case DiskFault.Full:
            case DiskFault.FullForMerges when merge:
                Interlocked.Increment(ref _injected);
                throw new IOException("No space left on device");
            case DiskFault.OutOfMemoryOnce when creating:
                if (Interlocked.CompareExchange(ref _fault, (int)DiskFault.None, (int)DiskFault.OutOfMemoryOnce) == (int)DiskFault.OutOfMemoryOnce)
                {
                    Interlocked.Increment(ref _injected);
                    throw new OutOfMemoryException("Injected: out of memory while creating an index file.");
                }

                break;
        }
    }

    /// <summary>An output that fails its writes while the directory is faulted.</summary>
    private sealed class FaultInjectingOutput(FaultInjectingDirectory directory, IndexOutput inner, bool merge) : IndexOutput
    {
        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length
        {
            get => inner.Length;
            set => inner.Length = value;
        }

        public override void WriteByte(byte b)
        {
            directory.ThrowIfFaulted(merge, creating: false);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            directory.ThrowIfFaulted(merge, creating: false);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush()
        {
            directory.ThrowIfFaulted(merge, creating: false);
            inner.Flush();
        }

        [Obsolete("As Lucene's own IndexOutput.Seek.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
