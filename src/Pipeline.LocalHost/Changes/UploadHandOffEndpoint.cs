using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pipeline.Core.Normalization;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// <c>POST /api/ingest/uploads?container=…&amp;name=…</c>: takes a blob <c>upload</c> has just written, with its content,
/// ETag and time, and queues it for ingest without a storage read (see <see cref="UploadHandOff"/>). The local host
/// only: in Azure, Event Grid delivers uploads.
/// </summary>
internal static partial class UploadHandOffEndpoint
{
    private const string LogCategory = "Pipeline.LocalHost.Changes.UploadHandOff";

    public static void MapUploadHandOff(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(UploadHandOff.Route, HandOverAsync).ExcludeFromDescription();

    private static async Task<IResult> HandOverAsync(
        HttpRequest request, IngestQueue queue, IOptions<BlobStorageOptions> storage, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var name = request.Query["name"].ToString();
        var container = request.Query["container"].ToString();
        var etag = request.Headers[UploadHandOff.ETagHeader].ToString();
        if (name.Length == 0 || container.Length == 0 || etag.Length == 0)
        {
            return Invalid($"A hand-over names the container and blob (?container=…&name=…) and the written version ({UploadHandOff.ETagHeader} header).");
        }

        if (!DateTimeOffset.TryParse(request.Headers[UploadHandOff.LastModifiedHeader].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lastModified))
        {
            return Invalid($"The {UploadHandOff.LastModifiedHeader} header gives when the version was written, as an HTTP date.");
        }

        var articles = storage.Value.ArticlesContainer;
        if (!string.Equals(container, articles, StringComparison.Ordinal))
        {
            return Results.Problem(
                title: "Not this host's container",
                detail: $"This host ingests the '{articles}' container, not '{container}'.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (request.ContentLength is not { } length || length > UploadHandOff.MaxContentBytes)
        {
            // Too large (or of unknown size) to hold: the blob is read from storage when its turn comes.
            queue.Enqueue(name, request.ContentLength);
            LogHandedOver(loggers.CreateLogger(LogCategory), name, request.ContentLength, etag);
            return Results.Accepted();
        }

        var content = new byte[length];
        await request.Body.ReadExactlyAsync(content, cancellationToken);
        queue.Enqueue(new SourceDocument(name, content, request.ContentType, etag, lastModified));
        LogHandedOver(loggers.CreateLogger(LogCategory), name, length, etag);
        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{BlobName} ({Length} bytes, version {ETag}) handed over by upload")]
    private static partial void LogHandedOver(ILogger logger, string blobName, long? length, string etag);

    private static IResult Invalid(string detail) =>
        Results.Problem(title: "Invalid request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
