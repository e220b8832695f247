namespace Pipeline.Bench.Latency;

internal static class LatencyCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(1);
}
