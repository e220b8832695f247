using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.StaticFiles;

namespace Pipeline.LocalHost.Upload;

/// <summary>One file uploaded as a blob.</summary>
/// <param name="ETag">The version written, which ingest records on the article or the rejection it makes of it.</param>
/// <param name="LastModified">When storage says that version was written.</param>
/// <param name="Content">What was written, when it was read into memory first (small files), else empty.</param>
public sealed record UploadedBlob(
    string Name, string ContentType, long Length, string? ETag = null, DateTimeOffset? LastModified = null, ReadOnlyMemory<byte> Content = default);

/// <summary>A file and the blob name it gets.</summary>
public sealed record UploadItem(string FilePath, string BlobName);

/// <summary>Uploads local files to the articles container, as a person would with Storage Explorer.</summary>
public sealed class ArticleUploader(BlobContainerClient container)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    /// <summary>
    /// Lists what <paramref name="paths"/> upload: a file as its file name, every file below a folder as its path
    /// relative to that folder (with '/' separators). Hidden files are skipped.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="ArgumentException">Two inputs would get the same blob name, so one would silently replace the other.</exception>
    public static IReadOnlyList<UploadItem> Plan(IEnumerable<string> paths)
    {
        var items = new List<UploadItem>();
        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(path);
            if (File.Exists(fullPath))
            {
                items.Add(new UploadItem(fullPath, Path.GetFileName(fullPath)));
            }
            else if (Directory.Exists(fullPath))
            {
                var files = Directory.EnumerateFiles(fullPath, "*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                });
                items.AddRange(files
                    .Select(file => new UploadItem(file, Path.GetRelativePath(fullPath, file).Replace(Path.DirectorySeparatorChar, '/')))
                    .OrderBy(item => item.BlobName, StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: '{path}' (looked for '{fullPath}').", path);
            }
        }

        var clash = items.GroupBy(item => item.BlobName, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException(
                $"'{clash.First().FilePath}' and '{clash.Skip(1).First().FilePath}' would both be uploaded as '{clash.Key}', and the " +
                "second would replace the first. Upload a folder that holds them (blob names are then relative paths), or rename one.");
        }

        return items;
    }

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var contentType) ? contentType : "application/octet-stream";

    /// <summary>Uploads each item, replacing a blob of the same name (the trigger then ingests it again).</summary>
    public async IAsyncEnumerable<UploadedBlob> UploadAsync(
        IEnumerable<UploadItem> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        foreach (var item in items)
        {
            yield return await UploadAsync(item, cancellationToken);
        }
    }

    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Uploads one item, replacing a blob of the same name; the container must exist (<see cref="EnsureContainerAsync"/>).</summary>
    public Task<UploadedBlob> UploadAsync(UploadItem item, CancellationToken cancellationToken = default) =>
        UploadAsync(item, keepContentUpTo: 0, cancellationToken);

    /// <summary>Uploads one item, replacing a blob of the same name; the container must exist (<see cref="EnsureContainerAsync"/>).</summary>
    /// <param name="keepContentUpTo">
    /// Files up to this size are read into memory and returned with the result (for a hand-over to the host); larger
    /// ones are streamed.
    /// </param>
    public async Task<UploadedBlob> UploadAsync(UploadItem item, int keepContentUpTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var contentType = ContentTypeOf(item.BlobName);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        var blob = container.GetBlobClient(item.BlobName);
        if (new FileInfo(item.FilePath).Length <= keepContentUpTo)
        {
            var bytes = await File.ReadAllBytesAsync(item.FilePath, cancellationToken);
            var written = (await blob.UploadAsync(new BinaryData(bytes), options, cancellationToken)).Value;
            return new UploadedBlob(item.BlobName, contentType, bytes.Length, written.ETag.ToString("H"), written.LastModified, bytes);
        }

        await using var content = File.OpenRead(item.FilePath);
        var length = content.Length;
        var uploaded = (await blob.UploadAsync(content, options, cancellationToken)).Value;
        return new UploadedBlob(item.BlobName, contentType, length, uploaded.ETag.ToString("H"), uploaded.LastModified);
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // No charset is claimed: the uploader does not know a file's encoding (BBC files are UTF-8 or Latin-1), and
        // normalization detects it from the bytes.
        provider.Mappings[".md"] = "text/markdown";
        provider.Mappings[".markdown"] = "text/markdown";
        return provider;
    }
}
