using System.Globalization;

namespace Pipeline.Bench.Ingest;

/// <summary>CPU time used so far by this process, and by another one (Azurite) as Linux accounts it.</summary>
internal static class CpuTime
{
    // USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux build that matters.
    private const double TicksPerSecond = 100;

    public static TimeSpan OfThisProcess => Environment.CpuUsage.TotalTime;

    /// <summary>User + system time of the process, or null where /proc is not there (not Linux).</summary>
    public static TimeSpan? OfProcess(int processId)
    {
        try
        {
            // The command name in parentheses may hold spaces: the fields are counted from after its closing one.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
