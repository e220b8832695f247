using System.Text.RegularExpressions;

namespace Pipeline.Bench.Relevance.Collections;

/// <summary>
/// One record of the SMART "dot field" format (CISI, MED, Cranfield): <c>.I n</c>, then fields such as <c>.T</c>,
/// <c>.A</c>, <c>.W</c>, each marker alone on its line. A repeated marker appends to the field (several authors, or
/// the stray markers inside some Cranfield abstracts).
/// </summary>
internal sealed partial record DotFieldRecord(int Number, IReadOnlyDictionary<char, IReadOnlyList<string>> Fields)
{
    public string Field(char marker) =>
        Fields.TryGetValue(marker, out var values) ? string.Join("\n", values).Trim() : string.Empty;

    public IReadOnlyList<string> Values(char marker) =>
        Fields.TryGetValue(marker, out var values) ? values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList() : [];

    public static IReadOnlyList<DotFieldRecord> ReadAll(string path)
    {
        var records = new List<DotFieldRecord>();
        int? number = null;
        Dictionary<char, List<string>> fields = [];
        List<string>? current = null;
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.TrimEnd();
            if (IdLine().Match(line) is { Success: true } id)
            {
                Flush();
                number = int.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                fields = [];
                current = null;
            }
            else if (MarkerLine().Match(line) is { Success: true } marker)
            {
                var key = marker.Groups[1].Value[0];
                if (!fields.TryGetValue(key, out var values))
                {
                    fields[key] = values = [];
                }

                values.Add(string.Empty);
                current = values;
            }
            else if (current is not null)
            {
                current[^1] = current[^1].Length == 0 ? line : current[^1] + "\n" + line;
            }
        }

        Flush();
        return records;

        void Flush()
        {
            if (number is { } n)
            {
                records.Add(new DotFieldRecord(n, fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value)));
            }
        }
    }

    [GeneratedRegex(@"^\.I\s+(\d+)")]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^\.([A-Z])\s*$")]
    private static partial Regex MarkerLine();
}
