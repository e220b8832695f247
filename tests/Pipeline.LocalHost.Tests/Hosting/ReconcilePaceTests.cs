using Pipeline.LocalHost.Hosting;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>How often the local host reconciles: a pass lists three containers, so a large one is reconciled less often.</summary>
public sealed class ReconcilePaceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PerBlob = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void A_small_container_is_reconciled_every_interval() =>
        Assert.Equal(Interval, ReconcileService.NextPassAfter(Interval, PerBlob, listedBlobs: 1_000));

    [Fact]
    public void A_container_of_100000_blobs_is_reconciled_every_83_minutes() =>
        Assert.Equal(TimeSpan.FromSeconds(5_000), ReconcileService.NextPassAfter(Interval, PerBlob, listedBlobs: 100_000));

    [Fact]
    public void A_failed_pass_waits_the_interval() =>
        Assert.Equal(Interval, ReconcileService.NextPassAfter(Interval, PerBlob, listedBlobs: 0));
}
