using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Telemetry;
using Pipeline.Core.Tests.Ingestion;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Telemetry;

/// <summary>
/// What an ingest emits through the pipeline's activity source and meter, collected by the OpenTelemetry SDK with
/// its in-memory exporter, as a host would register them.
/// </summary>
/// <remarks>Counters are process-wide, so these tests run alone: no other test's ingest is counted with theirs.</remarks>
[Collection(nameof(TelemetryCollection))]
public sealed class IngestTelemetryTests : IDisposable
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;
    private readonly IngestServices _services = new(new RecordingArticleIndex());

    public IngestTelemetryTests()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource([.. PipelineTelemetry.Names]).AddInMemoryExporter(_spans).Build();
        _metering = Sdk.CreateMeterProviderBuilder().AddMeter([.. PipelineTelemetry.Names]).AddInMemoryExporter(_metrics).Build();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SourceBlobIngestor Ingestor => _services.Get<SourceBlobIngestor>();

    public void Dispose()
    {
        _tracing.Dispose();
        _metering.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task An_ingest_is_one_span_with_download_normalize_write_back_and_index_steps()
    {
        _services.Sources.Upload("news/storm.txt", Story);

        var result = await Ingestor.IngestAsync("news/storm.txt", Ct);
        _tracing.ForceFlush();

        var id = Assert.Single(result.ArticleIds);
        var root = Assert.Single(_spans, span => span.OperationName == "ingest");
        Assert.Equal(("news/storm.txt", "indexed", id), (Tag(root, TelemetryTags.BlobName), Tag(root, TelemetryTags.Outcome), Tag(root, TelemetryTags.ArticleId)));
        var steps = _spans.Where(span => span.ParentSpanId == root.SpanId).OrderBy(span => span.StartTimeUtc).ToList();
        Assert.Equal(["download", "normalize", "write-back", "index"], steps.Select(span => span.OperationName));
        Assert.All(steps.Where(span => span.OperationName is "write-back" or "index"), span => Assert.Equal(id, Tag(span, TelemetryTags.ArticleId)));
    }

    [Fact]
    public async Task A_rejected_blob_ends_its_span_with_the_reason_and_is_counted_by_reason()
    {
        _services.Sources.Upload("news/empty.txt", "   ");

        var result = await Ingestor.IngestAsync("news/empty.txt", Ct);
        _tracing.ForceFlush();
        _metering.ForceFlush();

        var reason = RejectionReasons.Of(result.RejectedFor!.Value);
        var root = Assert.Single(_spans, span => span.OperationName == "ingest");
        Assert.Equal(("rejected", reason), (Tag(root, TelemetryTags.Outcome), Tag(root, TelemetryTags.RejectionReason)));
        Assert.Equal(1, Sum("pipeline.articles.rejected", TelemetryTags.RejectionReason, reason));
        Assert.Equal(0, Sum("pipeline.articles.indexed"));
    }

    [Fact]
    public async Task Indexed_articles_and_ingest_durations_are_counted()
    {
        _services.Sources.Upload("news/storm.txt", Story);
        _services.Sources.Upload("news/calm.txt", "Calm returns\n\nThe harbour opened again on Wednesday morning.");

        await Ingestor.IngestAsync("news/storm.txt", Ct);
        await Ingestor.IngestAsync("news/calm.txt", Ct);
        _metering.ForceFlush();

        Assert.Equal(2, Sum("pipeline.articles.indexed"));
        Assert.Equal(2, HistogramCount("pipeline.ingest.duration", TelemetryTags.Outcome, "indexed"));
    }

    [Fact]
    public async Task Retried_index_calls_are_counted_by_operation()
    {
        _services.Sources.Upload("news/storm.txt", Story);
        _services.Index.FailNext(1);

        await Ingestor.IngestAsync("news/storm.txt", Ct);
        _metering.ForceFlush();

        Assert.Equal(1, Sum("pipeline.ingest.retries"));
        Assert.Equal(1, Sum("pipeline.ingest.retries", TelemetryTags.Operation, "Index read"));
    }

    [Fact]
    public async Task A_try_left_for_the_trigger_to_deliver_again_is_counted_as_a_retry_with_its_outcome()
    {
        _services.Sources.Upload("news/storm.txt", Story);
        _services.Index.IsDown = true;

        await Assert.ThrowsAsync<TransientIngestException>(() => Ingestor.IngestAsync("news/storm.txt", Ct));
        _tracing.ForceFlush();
        _metering.ForceFlush();

        var root = Assert.Single(_spans, span => span.OperationName == "ingest");
        Assert.Equal(("retry", ActivityStatusCode.Error), (Tag(root, TelemetryTags.Outcome), root.Status));
        Assert.Equal(1, Sum("pipeline.ingest.retries", TelemetryTags.Operation, "ingest"));
        Assert.Equal(1, HistogramCount("pipeline.ingest.duration", TelemetryTags.Outcome, "retry"));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private long Sum(string metric, string? tag = null, string? value = null) =>
        Points(metric, tag, value).Sum(point => point.GetSumLong());

    private long HistogramCount(string metric, string tag, string value) =>
        Points(metric, tag, value).Sum(point => point.GetHistogramCount());

    private List<MetricPoint> Points(string metric, string? tag, string? value)
    {
        var points = new List<MetricPoint>();
        foreach (var exported in _metrics.Where(m => m.Name == metric))
        {
            foreach (ref readonly var point in exported.GetMetricPoints())
            {
                if (tag is null || HasTag(point, tag, value))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static bool HasTag(MetricPoint point, string tag, string? value)
    {
        foreach (var pair in point.Tags)
        {
            if (pair.Key == tag && Equals(pair.Value?.ToString(), value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Tests that read process-wide counters; they run when no other test does.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
