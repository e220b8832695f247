using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Search down, throttled or blipping: retried, counted, parked, and never a lost blob.</summary>
public sealed class TransientFaultTests : IDisposable
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;

    public TransientFaultTests()
    {
        _services = new IngestServices(_index, options => options.MaxAttempts = 3);
        _ingestor = _services.Get<SourceBlobIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_blip_shorter_than_the_retries_is_ridden_out()
    {
        _services.Sources.Upload("storm.txt", Story);
        _services.Index.FailNext(2);

        var result = await _ingestor.IngestAsync("storm.txt", Ct);

        Assert.Equal(IngestOutcome.Indexed, result.Outcome);
        Assert.Single(_index.Articles);
        Assert.Empty(_services.Rejections.Rejections);
    }

    [Fact]
    public async Task A_try_while_search_is_down_is_thrown_back_to_the_trigger_and_counted()
    {
        _services.Sources.Upload("storm.txt", Story);
        _services.Index.IsDown = true;

        var thrown = await Assert.ThrowsAsync<TransientIngestException>(() => _ingestor.IngestAsync("storm.txt", Ct));

        Assert.Equal(1, thrown.Attempts);
        var record = _services.Rejections.Rejections["storm.txt"];
        Assert.Equal((RejectionReasons.Unavailable, 1), (record.Reason, record.Attempts));
        Assert.Contains("Connection refused", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_last_allowed_try_the_blob_is_parked_and_the_trigger_moves_on()
    {
        _services.Sources.Upload("storm.txt", Story);
        _services.Index.IsDown = true;
        await Assert.ThrowsAsync<TransientIngestException>(() => _ingestor.IngestAsync("storm.txt", Ct));
        await Assert.ThrowsAsync<TransientIngestException>(() => _ingestor.IngestAsync("storm.txt", Ct));

        var third = await _ingestor.IngestAsync("storm.txt", Ct);

        Assert.Equal(IngestOutcome.Parked, third.Outcome);
        var record = _services.Rejections.Rejections["storm.txt"];
        Assert.Equal((RejectionReasons.Parked, 3), (record.Reason, record.Attempts));
        Assert.True(record.IsTransient);
    }

    [Fact]
    public async Task A_parked_blob_does_not_hold_up_the_blobs_behind_it()
    {
        _services.Sources.Upload("storm.txt", Story);
        _services.Sources.Upload("later.txt", "Later story\n\nThe later story arrives after the storm has passed.");
        _services.Index.IsDown = true;
        for (var attempt = 1; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<TransientIngestException>(() => _ingestor.IngestAsync("storm.txt", Ct));
        }

        await _ingestor.IngestAsync("storm.txt", Ct);
        _services.Index.IsDown = false;

        var later = await _ingestor.IngestAsync("later.txt", Ct);

        Assert.Equal(IngestOutcome.Indexed, later.Outcome);
    }

    [Fact]
    public async Task An_input_that_cannot_be_normalized_is_rejected_on_the_first_try_without_retries()
    {
        _services.Sources.Upload("blank.txt", "   ");

        var result = await _ingestor.IngestAsync("blank.txt", Ct);

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(0, _services.Index.FailedCalls);
        Assert.Equal(1, _services.Rejections.Rejections["blank.txt"].Attempts);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(501, false)]
    public void Http_status_codes_are_transient_only_for_timeouts_throttling_and_server_errors(int status, bool transient)
    {
        var faults = _services.Get<TransientFaults>();

        Assert.Equal(transient, faults.IsTransient(new HttpRequestException("failed", null, (System.Net.HttpStatusCode)status)));
    }

    [Fact]
    public void Timeouts_and_io_errors_are_transient_and_normalization_errors_are_not()
    {
        var faults = _services.Get<TransientFaults>();

        Assert.True(faults.IsTransient(new TimeoutException()));
        Assert.True(faults.IsTransient(new IOException("reset")));
        Assert.True(faults.IsTransient(new InvalidOperationException("wrapped", new System.Net.Sockets.SocketException(111))));
        Assert.False(faults.IsTransient(new NormalizationException(NormalizationErrorCode.Empty, "empty")));
        Assert.False(faults.IsTransient(new ArgumentException("a bug")));
    }
}
