using Pipeline.LocalHost.Hosting;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>What catch-up passes ask of the trigger: is it busy, and for how long has it been quiet.</summary>
public sealed class TriggerActivityTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Is_never_quiet_while_an_invocation_runs()
    {
        var activity = new TriggerActivity(_clock);
        using var running = activity.Begin();

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.Zero, activity.QuietFor);
    }

    [Fact]
    public void Is_quiet_from_the_end_of_the_last_invocation()
    {
        var activity = new TriggerActivity(_clock);
        var running = activity.Begin();
        _clock.Advance(TimeSpan.FromSeconds(3));
        running.Dispose();

        _clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), activity.QuietFor);
    }

    [Fact]
    public void Counts_the_invocations_started_and_ends_each_once()
    {
        var activity = new TriggerActivity(_clock);
        var first = activity.Begin();
        using var second = activity.Begin();
        first.Dispose();
        first.Dispose();

        Assert.Equal(2, activity.Started);
        Assert.Equal(TimeSpan.Zero, activity.QuietFor);
    }
}
