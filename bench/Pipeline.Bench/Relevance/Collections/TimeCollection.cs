using System.Text;

namespace Pipeline.Bench.Relevance.Collections;

/// <summary>TIME (Time magazine, 1963): upper-case articles without a title field; binary judgments.</summary>
internal static class TimeCollection
{
    public static TestCollection Load(string directory)
    {
        // The judgments number documents by their position in TIME.ALL, not by the *TEXT number.
        var documents = Split(Path.Combine(directory, "TIME.ALL"), "*TEXT")
            .Select((text, index) => new CollectionDocument(index + 1, string.Empty, [], text))
            .ToList();
        var queries = Split(Path.Combine(directory, "TIME.QUE"), "*FIND")
            .Select((text, index) => new CollectionQuery(index + 1, text))
            .ToList();

        var judgments = new Dictionary<int, Dictionary<int, int>>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "TIME.REL")))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            // TIME.REL, like TIME.REL.ALL, has pairs past the end of TIME.ALL (424, 425): they cannot be retrieved, so they are dropped.
            foreach (var document in columns.Skip(1).Where(d => d <= documents.Count))
            {
                Judgments.Add(judgments, columns[0], document, 1);
            }
        }

        return new TestCollection("TIME", documents, queries, Judgments.Freeze(judgments), IsGraded: false, "`TIME.REL` (the smaller, documented file), binary; document ids are positions in `TIME.ALL`; its three pairs past the end of `TIME.ALL` (15→424, 23→425, 26→425) are dropped, which leaves query 23 without a relevant document");
    }

    /// <summary>The texts between header lines starting with <paramref name="header"/>; the header lines themselves are dropped.</summary>
    private static List<string> Split(string path, string header)
    {
        var texts = new List<string>();
        StringBuilder? current = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(header, StringComparison.Ordinal))
            {
                Flush();
                current = new StringBuilder();
            }
            else if (current is not null && line.Trim().Length > 0)
            {
                // The files are double-spaced: every text line is followed by an empty one.
                current.AppendLine(line.Trim());
            }
        }

        Flush();
        return texts;

        void Flush()
        {
            if (current is not null)
            {
                texts.Add(current.ToString().Trim());
            }
        }
    }
}
