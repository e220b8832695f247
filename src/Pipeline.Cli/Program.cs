using Pipeline.Cli;
using Pipeline.Cli.LocalHost;

// run and upload handle Ctrl+C themselves: while Azurite starts it cancels the start, once the host runs its own
// lifetime stops it. The other commands stop between files and still print their summary.
if (PipelineCli.IsLocalHostCommand(args))
{
    return await LocalHostCli.RunAsync(args, Console.Out, Console.Error);
}

using var cancellation = ConsoleCancellation.Start();
return await PipelineCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
