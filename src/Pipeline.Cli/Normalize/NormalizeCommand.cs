using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Cli.CommandLine;
using Pipeline.Core;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Serialization;

namespace Pipeline.Cli.Normalize;

/// <summary>
/// <c>normalize &lt;file-or-folder&gt;...</c>: runs each file through the normalizer and enricher ingest uses and
/// prints one JSON line per article, or one error line per file that fails (see <see cref="PreviewLine"/>).
/// </summary>
internal sealed class NormalizeCommand(
    IArticleNormalizer normalizer,
    ArticleEnricher enricher,
    IOptions<ArticleNormalizerOptions> options,
    TimeProvider timeProvider,
    TextWriter output,
    TextWriter error)
{
    /// <summary>How many files pass between progress lines on standard error.</summary>
    public const int ProgressInterval = 500;

    /// <summary>Error code for a file that could not be read.</summary>
    public const string UnreadableCode = "Unreadable";

    /// <summary>Error code for a failure that is not a normalization error: a bug, reported rather than ending the run.</summary>
    public const string UnexpectedCode = "Unexpected";

    private readonly long _maxSourceBytes = options.Value.MaxSourceBytes;

    /// <summary>The <c>normalize</c> command: a preview, so it needs no storage or index, only Core's services.</summary>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders. Folders are walked recursively in sorted order, hidden files skipped; page.html.gz is decompressed.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "files|folders",
        };
        var command = new Command(
            "normalize",
            "Preview what ingest makes of files, without storage or an index: normalize and enrich each one exactly as ingest " +
            "does and print one JSON object per article (JSON Lines); a JSON array yields one line per article. A file that " +
            "fails prints an error line and the run goes on. Progress and a summary go to standard error.")
        {
            paths,
        }.WithNotes(OutputHelp).WithExamples(
            "pipeline normalize samples/ukraine-peace-talks.txt",
            "pipeline normalize ../shared/corpora/bbc > bbc.jsonl",
            "pipeline normalize post.md export.json page.html.gz | jq -r .title",
            "pipeline normalize uploads/ | jq -c 'select(.error) | {source, error}'");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = new ServiceCollection()
                .AddPipelineCore()
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace))
                .BuildServiceProvider();
            var normalize = ActivatorUtilities.CreateInstance<NormalizeCommand>(services, console.Output, console.Error);
            return await normalize.ExecuteAsync(parsed.GetValue(paths)!, cancellationToken);
        });
        return command;
    }

    private const string OutputHelp = """
        Output, one line per article:
          {"source": "<input path>", "format": "html", "id": "...", "title": "...", "authors": [...], "published": "...",
           "text": "<paragraphs separated by blank lines>", "sections": [...], "related": [...], "tags", "language",
           "wordCount", "summary", "contentHash", ... (null fields are left out)}
        and for a file that fails:
          {"source": "<input path>", "error": {"code": "malformed", "message": "..."}}
        Error codes: empty, binary, noText, noTitle, tooLarge, malformed, unsupportedFormat (from normalization),
        Unreadable (the file could not be read), Unexpected (a bug: please report it). Ids are the ones ingest gives: a
        file is named by its file name, a file inside a folder by its path relative to that folder, as upload names blobs.
        """;

    /// <param name="operands">Files and folders.</param>
    public async Task<int> ExecuteAsync(IReadOnlyList<string> operands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var inputs = InputFile.Expand(operands, out var missing);
        if (missing.Count > 0)
        {
            throw new CommandUsageException($"no such file or folder: {string.Join(", ", missing.Select(path => $"'{path}'"))}.");
        }

        var progress = new NormalizeProgress(error, timeProvider, inputs.Count);
        foreach (var input in inputs)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await progress.CompleteAsync(interrupted: true);
                return ExitCodes.Interrupted;
            }

            var lines = await NormalizeAsync(input, cancellationToken);
            foreach (var line in lines.Lines)
            {
                await output.WriteLineAsync(line);
            }

            await progress.RecordAsync(lines.ArticleCount, lines.Failed);
        }

        await output.FlushAsync(cancellationToken);
        await progress.CompleteAsync(interrupted: false);
        return progress.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private async Task<PreviewLines> NormalizeAsync(InputFile input, CancellationToken cancellationToken)
    {
        SourceDocument source;
        try
        {
            var length = new FileInfo(input.FullPath).Length;
            if (length > _maxSourceBytes)
            {
                // Refused before reading, as ingest refuses it after: the file is not loaded just to be rejected.
                return PreviewLines.Error(PreviewLine.ForError(
                    input.DisplayPath,
                    PipelineJson.NameOf(NormalizationErrorCode.TooLarge),
                    $"'{input.BlobName}' is {length:N0} bytes; sources are limited to {_maxSourceBytes:N0} bytes."));
            }

            source = new SourceDocument(input.BlobName, await File.ReadAllBytesAsync(input.FullPath, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PreviewLines.Error(PreviewLine.ForError(input.DisplayPath, UnreadableCode, ex.Message));
        }

        try
        {
            var normalized = normalizer.Normalize(source);
            var lines = new List<string>(normalized.Count);
            for (var part = 0; part < normalized.Count; part++)
            {
                lines.Add(PreviewLine.ForArticle(input.DisplayPath, enricher.Enrich(normalized[part], source, part)));
            }

            return new PreviewLines(lines, normalized.Count, Failed: false);
        }
        catch (NormalizationException ex)
        {
            return PreviewLines.Error(PreviewLine.ForError(input.DisplayPath, PipelineJson.NameOf(ex.Code), ex.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ingest would retry and then dead-letter this blob; a preview of thousands of files reports it and goes on.
            return PreviewLines.Error(PreviewLine.ForError(input.DisplayPath, UnexpectedCode, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private sealed record PreviewLines(IReadOnlyList<string> Lines, int ArticleCount, bool Failed)
    {
        public static PreviewLines Error(string line) => new([line], 0, Failed: true);
    }
}
