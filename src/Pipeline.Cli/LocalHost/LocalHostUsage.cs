using Pipeline.LocalHost.Hosting;

namespace Pipeline.Cli.LocalHost;

/// <summary>The <c>--help</c> text of the local host's commands, <c>run</c> and <c>upload</c>.</summary>
public static class LocalHostUsage
{
    public static void Write(TextWriter output)
    {
        output.WriteLine($$"""
            Pipeline local host: the blob-triggered ingest and the HTTP API in one process, against Azurite.
            Azure Functions Core Tools are not needed.

            Usage:
              {{PipelineUsage.RunHint}} run [options]
              {{PipelineUsage.RunHint}} upload <file-or-folder>... [options]
              {{PipelineUsage.RunHint}} run --help

            Commands:
              run        Use the storage emulator at the configured endpoints, or install (first run,
                         with npm) and start the repository's pinned Azurite there; create the containers; ingest
                         every new, changed or deleted blob in the articles container; serve the API until Ctrl+C.
                         Stops Azurite on exit if it started it.
              upload     Upload files to the articles container of the configured storage. A folder uploads
                         every file below it, named by its path relative to the folder. Needs running storage:
                         start the host first, in another terminal.

            Options:
              --urls <url>          Where the API listens (default {{LocalHostOptions.DefaultUrl}}).
              --<key>=<value>       Any configuration key below, e.g. --Pipeline:Lucene:IndexPath=/tmp/index.
              -h, --help            Show this help.

            Configuration, lowest precedence first: local.settings.json at the repository root (if it exists,
            else local.settings.sample.json; Functions format, { "Values": { ... } }), environment variables,
            command-line options. Sections are separated by '__' (or ':'). Relative paths are resolved
            against the repository root.
              AzureWebJobsStorage                         Storage connection string (default in the sample:
                                                          UseDevelopmentStorage=true = Azurite on 127.0.0.1:10000-10002).
              Pipeline__Storage__ArticlesContainer        Container the trigger watches (articles).
              Pipeline__Storage__NormalizedContainer      Container for normalized JSON (normalized).
              Pipeline__Storage__RejectedContainer        Container for rejection records (rejected).
              Pipeline__Search__Backend                   Search backend (Lucene).
              Pipeline__Lucene__IndexPath                 Index folder (.data/index).
              Pipeline__LocalHost__Changes__MinScanInterval  Shortest time between listings of the articles
                                                          container, which find uploads by other clients (00:00:02).
              Pipeline__LocalHost__Changes__ScanIntervalPerBlob  Time between listings per blob in the
                                                          container (00:00:00.004: 4 s at 1,000 blobs).
              Pipeline__LocalHost__Changes__MaxScanInterval  Longest time between listings (00:05:00).
              Pipeline__LocalHost__Changes__UploadQueue   Queue on which `upload` announces its blobs, ingested at
                                                          once (<articles container>-uploads).
              Pipeline__LocalHost__Azurite__AutoStart     Start Azurite when nothing answers (true).
              Pipeline__LocalHost__Azurite__Location      Azurite's data folder (.data/azurite).
              Pipeline__LocalHost__Azurite__StartTimeout  How long to wait for Azurite to listen (00:00:30).
              Logging__LogLevel__Default                  Log level (Information). Quieted by default, and louder
                                                          with e.g. Logging__LogLevel__Function=Information:
                                                          Azure (Error), Function and Host.* (Warning).

            Examples:
              {{PipelineUsage.RunHint}} run
              {{PipelineUsage.RunHint}} upload ../shared/samples/ukraine-peace-talks.txt
              curl 'http://localhost:7071/api/search?q=ceasefire'
            """);
    }
}
