namespace Pipeline.Bench.Drills;

/// <summary>The <c>drill</c> commands' options, defaults resolved.</summary>
/// <param name="Report">Where the BBC corpus is and where the report goes.</param>
/// <param name="Quick">The short run (about two minutes): fewer articles, shorter load and outage.</param>
/// <param name="Articles">Articles uploaded while the load runs, spread over it.</param>
/// <param name="Hostile">Hostile uploads among them.</param>
/// <param name="Connections">HTTP connections of the load, spread over search, suggest, article and related.</param>
/// <param name="Seconds">How long the load runs.</param>
/// <param name="OutageAt">Seconds into the load when storage stops (outage drill).</param>
/// <param name="OutageSeconds">How long storage stays down (outage drill).</param>
/// <param name="StopBatch">Articles uploaded just before the stop during a second outage (outage drill).</param>
/// <param name="ShutdownTimeout">The host's shutdown timeout, seconds (its <c>shutdownTimeoutSeconds</c>).</param>
/// <param name="DrainLimit">How long to wait after the load for every upload to be indexed or rejected.</param>
internal sealed record DrillOptions(
    ReportOptions Report,
    bool Quick,
    int Articles,
    int Hostile,
    int Connections,
    int Seconds,
    int OutageAt,
    int OutageSeconds,
    int StopBatch,
    int ShutdownTimeout,
    TimeSpan DrainLimit);
