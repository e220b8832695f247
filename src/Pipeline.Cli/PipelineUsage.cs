namespace Pipeline.Cli;

/// <summary>The <c>--help</c> text.</summary>
public static class PipelineUsage
{
    public const string RunHint = "dotnet run -c Release --project src/Pipeline.Cli --";

    public static void Write(TextWriter output)
    {
        output.WriteLine($$$"""
            pipeline: run the pipeline locally (ingest and HTTP API against Azurite) and upload to it; preview what
            ingest makes of article files, without storage or a search index; re-drive blobs that were rejected or
            parked; soak the ingest path with hostile and mutated inputs.

            Usage:
              {{{RunHint}}} run [--urls <url>] [--Key=value...]
              {{{RunHint}}} upload <file-or-folder>... [--Key=value...]
              {{{RunHint}}} normalize <file-or-folder>...
              {{{RunHint}}} redrive (--all | --reason CODE) [--dry-run] [--Key=value...]
              {{{RunHint}}} soak [--count N] [--seed N] [--corpus <file-or-folder>]... [--no-large]
              {{{RunHint}}} --help

            Commands:
              run         The local host: start (or find) Azurite, create the containers, ingest every new or
                          changed blob in the articles container, serve the HTTP API until Ctrl+C. Its options
                          and configuration keys: run --help.
              upload      Upload files and folders to the articles container for the running host to ingest.

              normalize   Normalize and enrich each file exactly as ingest does (same format detection, same
                          normalizers, same enrichment) and print one JSON object per article, one per line
                          (JSON Lines). Folders are walked recursively in sorted order, hidden files skipped.
                          A JSON file holding an array yields one line per article. Gzip-compressed files
                          (page.html.gz) are decompressed. A file that fails prints an error line and the run
                          continues with the next one.

              redrive     Re-ingest the blobs recorded in the rejected container (after a fix: a raised limit,
                          a new version of the code), straight from storage through the same ingestor the hosts
                          run, and clear the record of each one that is indexed now. --reason picks records by
                          code (Parked, Unavailable, or a normalization code such as TooLarge); --all takes
                          every record; --dry-run lists them and changes nothing. Storage and search come from
                          the local host's configuration (local.settings.json, environment, --Key=value
                          switches); with nothing configured, Azurite. The embedded index has one writer: stop
                          the local host first (it re-drives parked blobs itself once search answers).
                          Prints one line per record and a summary; exit 1 if any record still fails.
              soak        Run inputs through the real ingest path (normalizer, enricher, ingestor) into a real
                          Lucene index in a temporary folder, with in-memory stores for blob storage: first the
                          hostile corpus (empty, binary, PDF/ZIP/images, broken encodings, 100,000-deep nesting,
                          billion-laughs entities, broken and wrong-typed JSON, hostile blob names), then the
                          50 MB inputs and a gzip bomb (unless --no-large), then files under --corpus (default
                          {{{Soak.SoakCommand.DefaultCorpus}}}; repeatable), one in ten as they are and the rest mutated
                          (byte flips, truncation, splicing, encoding swaps, tag deletion and duplication,
                          control characters, huge runs, range deletion, gzip), until --count inputs (default
                          {{{Soak.SoakCommand.DefaultCount:N0}}}). The same --seed (default {{{Soak.SoakCommand.DefaultSeed}}}) gives the same inputs.
                          Afterwards every input must be found again, as its articles in the index and store or
                          as a rejection. Prints: processed, indexed, rejected by reason, crashes, lost.
                          Progress goes to standard error.

            Output of normalize, one line per article:
              {"source": "<input path>", "format": "html", "id": "...", "title": "...", "authors": [...],
               "published": "2024-03-05T10:00:00+00:00", "text": "<paragraphs separated by blank lines>",
               "sections": [{"heading": ..., "paragraphs": [...]}], "related": [{"title": ..., "url": ...}],
               "tags", "language", "wordCount", "summary", "contentHash", ... (null fields are left out)}
            and for a file that fails:
              {"source": "<input path>", "error": {"code": "malformed", "message": "..."}}
            Error codes: Empty, Binary, NoText, NoTitle, TooLarge, Malformed, UnsupportedFormat (from
            normalization), Unreadable (the file could not be read), Unexpected (a bug: please report it).
            Ids are the ones ingest gives: a file is named by its file name, a file inside a folder by its
            path relative to that folder, as the local host's upload command names blobs.
            Progress (every {{{Normalize.NormalizeCommand.ProgressInterval}}} files) and a summary go to standard error,
            so standard output stays pure JSON Lines.

            Exit codes:
              0   every input normalized (redrive: every record resolved, or a dry run; soak: no crash,
                  nothing lost, no duplicate)
              1   at least one input failed (see its error line), or the run was interrupted
                  (soak: at least one crash, lost input or duplicate id)
              2   usage error: unknown command or option, no input, or a path that does not exist

            Examples:
              {{{RunHint}}} normalize ../shared/samples/ukraine-peace-talks.txt
              {{{RunHint}}} normalize ../shared/corpora/bbc > bbc.jsonl
              {{{RunHint}}} normalize post.md export.json page.html.gz | jq -r .title
              {{{RunHint}}} normalize uploads/ | jq -c 'select(.error) | {source, error}'
              {{{RunHint}}} redrive --reason TooLarge --dry-run
              {{{RunHint}}} redrive --all
              {{{RunHint}}} soak --count 10000 --seed 7 --corpus ../shared/corpora --corpus ../shared/samples
            """);
    }
}
