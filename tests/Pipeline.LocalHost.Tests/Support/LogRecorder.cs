using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>One log entry with its structured values.</summary>
public sealed record RecordedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>When it was logged, so a failing drill's log reads as a timeline.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    public override string ToString() => $"{At:HH:mm:ss.fff} {Level} {Category}: {Message}";
}

/// <summary>Keeps what a host logs, so tests can see what it did (and failures can show it).</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private const string IngestorCategory = "Pipeline.Core.Ingestion.ArticleIngestor";

    private readonly ConcurrentQueue<RecordedLog> _entries = new();

    public IReadOnlyList<RecordedLog> Entries => [.. _entries];

    /// <summary>Blob names the ingestor reported as indexed, once per ingest.</summary>
    public IReadOnlyList<string> IndexedBlobNames => ValuesOf(IngestorCategory, "Indexed", "BlobName");

    /// <summary>Blob names the ingestor reported as rejected, once per ingest.</summary>
    public IReadOnlyList<string> RejectedBlobNames => ValuesOf(IngestorCategory, "Rejected", "BlobName");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Warnings, errors and ingest lines: what a failure message should show.</summary>
    public string Summary()
    {
        var interesting = Entries.Where(e => e.Level >= LogLevel.Warning || e.Category == IngestorCategory).TakeLast(30).ToList();
        return interesting.Count == 0 ? "(no warnings, errors or ingest lines logged)" : string.Join(Environment.NewLine, interesting);
    }

    private string[] ValuesOf(string category, string messagePrefix, string key) =>
    [
        .. Entries
            .Where(e => e.Category == category && e.Message.StartsWith(messagePrefix, StringComparison.Ordinal))
            .Select(e => e.Values.TryGetValue(key, out var value) ? value?.ToString() ?? string.Empty : string.Empty),
    ];

    private sealed class Logger(string category, ConcurrentQueue<RecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            var message = formatter(state, exception);
            entries.Enqueue(new RecordedLog(category, logLevel, exception is null ? message : $"{message} {exception}", values));
        }
    }
}
