namespace Pipeline.Cli;

/// <summary>The exit codes of every <c>pipeline</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The command ran, but not everything succeeded: an input was rejected or failed, an article was not found, a
    /// re-driven record still fails, the soak found a crash or a lost input.
    /// </summary>
    public const int Failed = 1;

    /// <summary>
    /// The command line was wrong: unknown command or option, a missing argument, a path that does not exist, or a
    /// setting (from the command line, the environment or the settings file) out of range.
    /// </summary>
    public const int Usage = 2;

    /// <summary>Something the command needs does not answer: storage, the search index (held by a running host), or the API.</summary>
    public const int Unavailable = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The table printed under <c>--help</c>.</summary>
    internal const string Help = """
        Exit codes:
          0    done
          1    ran, but not everything succeeded (an input rejected or failed, an id not found, a record still failing)
          2    usage error: unknown command or option, missing argument, no such file or folder, a setting out of range
          3    unavailable: storage, the search index or the API does not answer
          130  interrupted by Ctrl+C
        """;
}
