namespace Pipeline.Fuzzing.Hostile;

/// <summary>
/// Blob names built to escape a folder or confuse a reader: traversal, absolute and drive paths, URL escapes, bidi
/// and zero-width characters, NFD and NFC spellings, emoji, and names at and past the usual length limits.
/// </summary>
public static class HostileBlobNames
{
    /// <summary>Names that are hostile as they are.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "../x.txt",
        "../../../../etc/passwd",
        "a/../../b.txt",
        "..\\x.txt",
        "..\\..\\Windows\\System32\\drivers\\etc\\hosts",
        "/absolute/path.txt",
        "//server/share/file.txt",
        "C:\\Users\\Public\\article.txt",
        "C:/temp/article.html",
        "%2e%2e%2fescaped.txt",
        "..%2f..%2fencoded.md",
        "./.././x.json",
        "...",
        "..",
        ".",
        "/",
        "name with spaces and\ttab.txt",
        "line\nbreak\r\n.txt",
        "nul\0byte.txt",
        "question?mark#hash&amp=1.txt",
        "<script>alert(1)</script>.html",
        "\" onmouseover=\"alert(1).txt",
        "'; DROP TABLE articles; --.txt",
        "title:(lucene OR injection) AND *:*.txt",
        "search.ismatch('x') or true.json",
        "\u202Etxt.exe",
        "evil\u202Egpj.txt",
        "zero\u200Bwidth\u200D\uFEFF.txt",
        "caf\u00e9.txt",
        "cafe\u0301.txt",
        "\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467.md",
        "\u05E9\u05DC\u05D5\u05DD/\u0645\u0631\u062D\u0628\u0627.txt",
        "\uFF0E\uFF0E\uFF0Ffullwidth.txt",
        "\uD800lone-surrogate.txt",
        "CON.txt",
        "trailing-dot.",
        "trailing-slash/",
        new string('a', 1024) + ".txt",
        string.Concat(Enumerable.Repeat("deep/", 250)) + "file.txt",
        string.Concat(Enumerable.Repeat("\U0001F600", 300)) + ".txt",
    ];
}
