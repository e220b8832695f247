namespace Pipeline.Core.Search;

/// <summary>One item of a comma-separated parameter, white space trimmed, with the offset of its first character.</summary>
internal readonly record struct ListSyntaxItem(string Text, int Position)
{
    /// <summary>Splits on the separator; an empty item keeps the position where it would have started.</summary>
    public static List<ListSyntaxItem> Split(string text, char separator = ',')
    {
        var items = new List<ListSyntaxItem>();
        var start = 0;
        while (true)
        {
            var end = text.IndexOf(separator, start);
            var raw = text[start..(end < 0 ? text.Length : end)];
            var leading = raw.Length - raw.TrimStart().Length;
            items.Add(new ListSyntaxItem(raw.Trim(), start + leading));
            if (end < 0)
            {
                return items;
            }

            start = end + 1;
        }
    }
}
