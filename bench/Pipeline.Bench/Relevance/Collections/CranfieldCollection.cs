namespace Pipeline.Bench.Relevance.Collections;

/// <summary>Cranfield (aeronautics): titled abstracts with authors; judgments graded on Cleverdon's scale.</summary>
internal static class CranfieldCollection
{
    public static TestCollection Load(string directory)
    {
        // The abstract repeats the title; that is the collection's text, so it is kept.
        var documents = DotFieldRecord.ReadAll(Path.Combine(directory, "cran.all.1400"))
            .Select(r => new CollectionDocument(r.Number, r.Field('T'), r.Values('A'), r.Field('W')))
            .ToList();

        // The judgments number queries by their position in cran.qry, not by the .I printed there.
        var queries = DotFieldRecord.ReadAll(Path.Combine(directory, "cran.qry"))
            .Select((r, index) => new CollectionQuery(index + 1, r.Field('W')))
            .ToList();

        var judgments = new Dictionary<int, Dictionary<int, int>>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "cranqrel")))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Codes 1 (complete answer) to 4 (minimum interest) become gains 4 to 1; the undefined -1 is not counted as relevant.
            if (columns.Length == 3 && int.Parse(columns[2]) is >= 1 and <= 4 and var code)
            {
                Judgments.Add(judgments, int.Parse(columns[0]), int.Parse(columns[1]), 5 - code);
            }
        }

        return new TestCollection(
            "Cranfield",
            documents,
            queries,
            Judgments.Freeze(judgments),
            IsGraded: true,
            "`cranqrel`, graded: Cleverdon codes 1–4 as gains 4–1, code −1 not relevant; query ids are positions in `cran.qry`");
    }
}
