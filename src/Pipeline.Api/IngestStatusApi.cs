using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Api.Binding;
using Pipeline.Core.Ingestion.Status;
using Pipeline.Core.Serialization;

namespace Pipeline.Api;

/// <summary>What ingest made of the latest uploads (<c>GET /api/ingest/recent</c>), for the search page's uploads view.</summary>
public sealed partial class IngestStatusApi(RecentUploads recentUploads, ILogger<IngestStatusApi> logger)
{
    public const int DefaultTop = 20;

    private readonly ILogger<IngestStatusApi> _logger = logger;

    public async Task<IResult> GetRecentUploadsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var top = new QueryStringReader(request.Query, SearchParameterNames.RelatedQueryString).GetInt32(SearchParameterNames.Top);
            var count = ParameterRules.InRange(SearchParameterNames.Top, top, DefaultTop, 1, ApiLimits.MaxRecentUploads);
            var uploads = await recentUploads.ListAsync(count, cancellationToken);
            LogListed(uploads.Count);
            return Results.Json(new RecentUploadsResponse(uploads), PipelineJson.Options);
        }
        catch (Core.Search.InvalidSearchRequestException exception)
        {
            return Problems.InvalidParameter(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Count} recent uploads")]
    private partial void LogListed(int count);
}

/// <summary>The body of <c>GET /api/ingest/recent</c>: uploads newest first.</summary>
public sealed record RecentUploadsResponse(IReadOnlyList<UploadStatus> Value);
