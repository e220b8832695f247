namespace Pipeline.Core.Telemetry;

/// <summary>Attribute names on the pipeline's spans and metrics.</summary>
public static class TelemetryTags
{
    public const string BlobName = "pipeline.blob.name";

    public const string ArticleId = "pipeline.article.id";

    /// <summary>What became of an ingest (<c>indexed</c>, <c>rejected</c>, ...) or a request (<c>ok</c>, <c>invalid</c>, ...).</summary>
    public const string Outcome = "pipeline.outcome";

    /// <summary>The rejection reason code (<c>unsupportedFormat</c>, <c>tooLarge</c>, <c>parked</c>, ...).</summary>
    public const string RejectionReason = "pipeline.rejection.reason";

    /// <summary>The storage or index call retried (<c>Index write</c>, ...), or <c>ingest</c> for a whole try delivered again.</summary>
    public const string Operation = "pipeline.operation";

    public const string HttpStatusCode = "http.response.status_code";
}
