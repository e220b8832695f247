namespace Pipeline.Core.Normalization.Detection;

/// <summary>Recognises an XML document by its declaration or a non-HTML doctype at the start.</summary>
internal static class XmlSignature
{
    public static bool IsXmlDocument(ReadOnlySpan<char> text)
    {
        var start = text.TrimStart();
        return start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
                && !start["<!DOCTYPE".Length..].TrimStart().StartsWith("html", StringComparison.OrdinalIgnoreCase));
    }
}
