namespace Pipeline.Bench;

/// <summary>The options every report-writing command shares.</summary>
/// <param name="SharedDirectory">The shared data folder that holds <c>corpora/</c>.</param>
/// <param name="OutputPath">Where the Markdown report is written.</param>
internal sealed record ReportOptions(string SharedDirectory, string OutputPath);
