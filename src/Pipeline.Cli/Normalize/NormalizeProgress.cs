using System.Globalization;

namespace Pipeline.Cli.Normalize;

/// <summary>Counts a run and reports on standard error: every <see cref="NormalizeCommand.ProgressInterval"/> files, and a summary at the end.</summary>
internal sealed class NormalizeProgress(TextWriter error, TimeProvider timeProvider, int totalFiles)
{
    private readonly long _started = timeProvider.GetTimestamp();

    public int Files { get; private set; }

    public int Articles { get; private set; }

    public int Failed { get; private set; }

    public async Task RecordAsync(int articles, bool failed)
    {
        Files++;
        Articles += articles;
        Failed += failed ? 1 : 0;
        if (Files % NormalizeCommand.ProgressInterval == 0 && Files < totalFiles)
        {
            await error.WriteLineAsync(Invariant($"{Files} of {totalFiles} files, {Count(Articles, "article")}, {Failed} failed…"));
        }
    }

    public async Task CompleteAsync(bool interrupted)
    {
        var elapsed = timeProvider.GetElapsedTime(_started);
        var summary = Invariant($"{Count(Files, "file")}, {Count(Articles, "article")}, {Failed} failed in {elapsed.TotalSeconds:0.0} s");
        await error.WriteLineAsync(interrupted ? $"Interrupted after {summary}." : summary);
    }

    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
