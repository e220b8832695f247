namespace Pipeline.Api.Tests.Support;

/// <summary>A clock that moves only when told, so the health probe's one-second cache can be crossed without waiting.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
