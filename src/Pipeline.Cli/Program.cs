using Pipeline.Cli;

// The first Ctrl+C cancels the command, which stops between items and still prints what it did; a second one ends
// the process. `run` hands Ctrl+C to the host's own lifetime once the host is up.
using var cancellation = ConsoleCancellation.Start();
return await PipelineCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
