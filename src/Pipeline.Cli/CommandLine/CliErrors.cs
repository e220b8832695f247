namespace Pipeline.Cli.CommandLine;

/// <summary>The command line names something that does not work (a path that does not exist, options that exclude each other): exit 2.</summary>
internal sealed class CommandUsageException(string message) : Exception(message);

/// <summary>Storage, the index or the API does not answer: exit 3, with a message that says what to start.</summary>
internal sealed class ServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
