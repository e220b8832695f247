using Microsoft.Extensions.Options;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Serialization;

namespace Pipeline.Cli.Normalize;

/// <summary>
/// <c>normalize &lt;file-or-folder&gt;...</c>: runs each file through the normalizer and enricher ingest uses and
/// prints one JSON line per article, or one error line per file that fails (see <see cref="PreviewLine"/>).
/// </summary>
public sealed class NormalizeCommand(
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

    /// <param name="args">The arguments after the command name.</param>
    public async Task<int> ExecuteAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var operands = new List<string>();
        var operandsOnly = false;
        foreach (var arg in args)
        {
            if (!operandsOnly && arg is "-h" or "--help" or "-?")
            {
                PipelineUsage.Write(output);
                return ExitCodes.Success;
            }

            if (!operandsOnly && arg == "--")
            {
                operandsOnly = true;
            }
            else if (!operandsOnly && arg.StartsWith('-') && arg != "-")
            {
                return await UsageErrorAsync($"normalize: unknown option '{arg}'.");
            }
            else
            {
                operands.Add(arg);
            }
        }

        if (operands.Count == 0)
        {
            return await UsageErrorAsync($"normalize: name at least one file or folder, e.g. {PipelineUsage.RunHint} normalize ../shared/samples/ukraine-peace-talks.txt");
        }

        var inputs = InputFile.Expand(operands, out var missing);
        if (missing.Count > 0)
        {
            return await UsageErrorAsync($"normalize: no such file or folder: {string.Join(", ", missing.Select(path => $"'{path}'"))}.");
        }

        var progress = new NormalizeProgress(error, timeProvider, inputs.Count);
        foreach (var input in inputs)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await progress.CompleteAsync(interrupted: true);
                return ExitCodes.Failed;
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
                    nameof(NormalizationErrorCode.TooLarge),
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

    private async Task<int> UsageErrorAsync(string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync("See --help.");
        return ExitCodes.Usage;
    }

    private sealed record PreviewLines(IReadOnlyList<string> Lines, int ArticleCount, bool Failed)
    {
        public static PreviewLines Error(string line) => new([line], 0, Failed: true);
    }
}
