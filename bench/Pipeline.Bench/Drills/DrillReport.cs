using System.Text;

namespace Pipeline.Bench.Drills;

/// <summary>
/// <c>bench/results/drills.md</c>: one section per drill, between markers, so each command replaces its own section
/// and keeps the other and any notes written around them.
/// </summary>
internal static class DrillReport
{
    private const string Title = """
        # Drills: HTTP load while ingesting, storage outage under load

        Each section is written by its command (`drill load`, `drill outage` of `bench/Pipeline.Bench`); the figures are
        only as good as the machine was quiet: see the load average in each.

        """;

    public static void WriteSection(string path, string key, string section)
    {
        var begin = $"<!-- drill:{key} -->";
        var end = $"<!-- /drill:{key} -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : Title;
        var block = $"{begin}{Environment.NewLine}{section.TrimEnd()}{Environment.NewLine}{end}";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : new StringBuilder(text.TrimEnd()).AppendLine().AppendLine().AppendLine(block).ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.TrimEnd() + Environment.NewLine);
    }
}
