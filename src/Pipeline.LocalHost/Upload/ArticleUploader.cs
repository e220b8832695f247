using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.StaticFiles;

namespace Pipeline.LocalHost.Upload;

/// <summary>One file uploaded as a blob.</summary>
public sealed record UploadedBlob(string Name, string ContentType, long Length);

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

        return items;
    }

    public static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var contentType) ? contentType : "application/octet-stream";

    /// <summary>Uploads each item, replacing a blob of the same name (the trigger then ingests it again).</summary>
    public async IAsyncEnumerable<UploadedBlob> UploadAsync(
        IEnumerable<UploadItem> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var item in items)
        {
            var contentType = ContentTypeOf(item.BlobName);
            await using var content = File.OpenRead(item.FilePath);
            var length = content.Length;
            await container.GetBlobClient(item.BlobName).UploadAsync(
                content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
            yield return new UploadedBlob(item.BlobName, contentType, length);
        }
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Articles are text; say which encoding so nobody has to guess.
        provider.Mappings[".txt"] = "text/plain; charset=utf-8";
        provider.Mappings[".md"] = "text/markdown; charset=utf-8";
        provider.Mappings[".markdown"] = "text/markdown; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".htm"] = "text/html; charset=utf-8";
        provider.Mappings[".json"] = "application/json; charset=utf-8";
        return provider;
    }
}
