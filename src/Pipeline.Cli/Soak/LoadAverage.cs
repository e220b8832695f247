namespace Pipeline.Cli.Soak;

/// <summary>The 1, 5 and 15 minute load averages, recorded with every throughput figure so the figure can be judged.</summary>
internal static class LoadAverage
{
    /// <summary>"0.52 0.61 0.70" on Linux; "unknown" where the system does not publish it.</summary>
    public static string Read()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
