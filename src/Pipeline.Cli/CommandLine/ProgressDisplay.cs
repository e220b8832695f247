using System.Diagnostics;
using Spectre.Console;

namespace Pipeline.Cli.CommandLine;

/// <summary>What a run over many items did.</summary>
internal sealed record ProgressOutcome(int Succeeded, int Failed, long Bytes, TimeSpan Elapsed)
{
    public double ItemsPerSecond => Elapsed.TotalSeconds > 0 ? (Succeeded + Failed) / Elapsed.TotalSeconds : 0;

    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// A progress bar with items/s and bytes/s on a terminal; nothing on a redirected one, where the summary the command
/// prints afterwards is what a log wants. The work reports each item through the callback, from any thread.
/// </summary>
internal static class ProgressDisplay
{
    /// <param name="unit">What an item is, for the rate: files, articles.</param>
    /// <param name="work">Runs the items; calls the tick with (succeeded, bytes) once per item.</param>
    public static async Task<ProgressOutcome> RunAsync(IAnsiConsole console, string description, string unit, int total, Func<Action<bool, long>, Task> work)
    {
        int succeeded = 0, failed = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        void Count(bool ok, long length)
        {
            Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            Interlocked.Add(ref bytes, length);
        }

        if (!console.Profile.Capabilities.Interactive || total == 0)
        {
            await work(Count);
        }
        else
        {
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(description, maxValue: total);
                    await work((ok, length) =>
                    {
                        Count(ok, length);
                        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                        var done = Volatile.Read(ref succeeded) + Volatile.Read(ref failed);
                        task.Description = $"{description} {done:N0}/{total:N0}  {done / seconds:N1} {unit}/s  {Interlocked.Read(ref bytes) / seconds / 1024 / 1024:N2} MB/s";
                        task.Increment(1);
                    });
                });
        }

        return new ProgressOutcome(succeeded, failed, bytes, clock.Elapsed);
    }
}
